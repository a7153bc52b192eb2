package io.partnerplan.plan.budget;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.partnerplan.plan.audit.PlanAudit;
import jakarta.validation.Validator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.partnerplan.plan.plan.AgreedContent;
import io.partnerplan.plan.plan.AmendablePart;
import io.partnerplan.plan.plan.PartItems;
import io.partnerplan.plan.plan.PlanContent;
import io.partnerplan.plan.plan.PlanService;
import io.partnerplan.plan.plan.PlanStatus;
import io.partnerplan.plan.plan.PlanView;
import io.partnerplan.plan.plan.Side;
import io.partnerplan.platform.concurrency.Versions;
import io.partnerplan.platform.paging.Keyset;
import io.partnerplan.platform.paging.Page;
import io.partnerplan.platform.paging.PageRequest;
import io.partnerplan.platform.persistence.Ids;
import io.partnerplan.platform.problem.ProblemException;
import io.partnerplan.platform.security.Caller;
import io.partnerplan.platform.security.Roles;

/**
 * Budgets of a plan. While drafted or proposed, anything changes. Once agreed, what was agreed
 * (title, funding party, resource type, kind, currency, planned amount) changes only by amendment;
 * the actuals (committed, spent) are kept up to date directly. Every change is a plan version.
 */
@ApplicationScoped
public class Budgets implements PlanContent, AmendablePart {

    private final EntityManager em;
    private final PlanService plans;
    private final Caller caller;
    private final PlanAudit audit;

    private final ObjectMapper json;
    private final Validator validator;

    public Budgets(EntityManager em, PlanService plans, Caller caller, PlanAudit audit, ObjectMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
        this.audit = audit;
        this.em = em;
        this.plans = plans;
        this.caller = caller;
    }

    @Transactional
    public BudgetView create(UUID planId, BudgetRequest request) {
        PlanView plan = requireWritable(planId);
        requireDraftOrProposed(plan);
        BudgetRules.requireValid("", request);
        Budget b = new Budget();
        b.id = Ids.next();
        b.planId = planId;
        b.createdAt = Instant.now();
        applyPlanned(b, request);
        b.committed = amount(request.committed());
        b.spent = amount(request.spent());
        em.persist(b);
        em.flush();
        plans.recordContentChange(planId, "budget.created", null);
        audit.record(planId, "budget.created", b.id.toString(), b.title, BudgetView.of(b));
        return BudgetView.of(b);
    }

    @Transactional
    public BudgetView update(UUID planId, UUID budgetId, String ifMatch, BudgetRequest request) {
        PlanView plan = requireWritable(planId);
        Budget b = find(planId, budgetId);
        if (!BudgetRules.keepsWhatWasAgreed(b, request)) {
            AgreedContent.requireDirectWrite(planId, plan.status(), AgreedContent.Part.BUDGETS);
        }
        Versions.requireMatch(ifMatch, b.version);
        BudgetRules.requireValid("", request);
        applyPlanned(b, request);
        b.committed = amount(request.committed());
        b.spent = amount(request.spent());
        em.flush();
        plans.recordContentChange(planId, "budget.updated", null);
        audit.record(planId, "budget.updated", b.id.toString(), b.title, BudgetView.of(b));
        return BudgetView.of(b);
    }

    @Transactional
    public void delete(UUID planId, UUID budgetId, String ifMatch) {
        PlanView plan = requireWritable(planId);
        Budget b = find(planId, budgetId);
        requireDraftOrProposed(plan);
        Versions.requireMatch(ifMatch, b.version);
        em.remove(b);
        em.flush();
        plans.recordContentChange(planId, "budget.deleted", null);
        audit.record(planId, "budget.deleted", b.id.toString(), b.title, BudgetView.of(b));
    }

    @Transactional
    public BudgetView get(UUID planId, UUID budgetId) {
        plans.requireVisible(planId);
        return BudgetView.of(find(planId, budgetId));
    }

    @Transactional
    public Page<BudgetView> list(UUID planId, PageRequest page) {
        plans.requireVisible(planId);
        List<Budget> rows = Keyset.rows(em, Budget.class, page, "planId = ?1", planId);
        return Page.of(rows, page, b -> b.id, BudgetView::of);
    }

    /** One budget line of the plan, or empty: what a fund request draws on. */
    @Transactional(Transactional.TxType.MANDATORY)
    public java.util.Optional<BudgetView> line(UUID planId, UUID budgetId) {
        Budget b = em.find(Budget.class, budgetId);
        return b == null || !b.planId.equals(planId) ? java.util.Optional.empty() : java.util.Optional.of(BudgetView.of(b));
    }

    /**
     * Funds move a budget line's actuals by themselves: {@code committed} grows when a fund request is
     * approved (and shrinks when an approval lapses unclaimed), {@code spent} when a claim is paid. Refused
     * (409) when it would commit more than was planned or take an actual below zero. Not a new plan version:
     * like a direct update of the actuals it is execution, audited under {@code change}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public BudgetView follow(UUID planId, UUID budgetId, BigDecimal committed, BigDecimal spent, String change) {
        Budget b = em.find(Budget.class, budgetId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (b == null || !b.planId.equals(planId)) {
            throw ProblemException.conflict("Budget line " + budgetId + " is no longer part of the plan");
        }
        BigDecimal newCommitted = b.committed.add(committed);
        BigDecimal newSpent = b.spent.add(spent);
        if (committed.signum() > 0 && newCommitted.compareTo(b.planned) > 0) {
            throw new ProblemException(409, "budget-exceeded", "The budget line cannot take this",
                    "Budget line '" + b.title + "' has " + BudgetView.plain(b.planned.subtract(b.committed).max(BigDecimal.ZERO)) + " "
                            + b.currency + " left of " + BudgetView.plain(b.planned) + " planned; committing "
                            + BudgetView.plain(committed) + " would exceed it (raise the planned amount first, by amendment once agreed)");
        }
        b.committed = newCommitted.max(BigDecimal.ZERO);
        b.spent = newSpent.max(BigDecimal.ZERO);
        em.flush();
        BudgetView view = BudgetView.of(b);
        audit.record(planId, change, b.id.toString(), b.title, view);
        return view;
    }

    /** The plan's budgets, oldest first: for renewal and templates. */
    public List<BudgetView> all(UUID planId) {
        return em.createQuery("from Budget where planId = ?1 order by id", Budget.class).setParameter(1, planId)
                .getResultStream().map(BudgetView::of).toList();
    }

    /** Copies budgets into a successor plan: what was planned, nothing committed or spent yet. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void copyPlanned(List<BudgetView> from, UUID toPlan) {
        for (BudgetView source : from) {
            Budget b = new Budget();
            b.id = Ids.next();
            b.planId = toPlan;
            b.createdAt = Instant.now();
            b.title = source.title();
            b.fundingParty = source.fundingParty();
            b.resourceType = source.resourceType();
            b.kind = source.kind();
            b.currency = source.currency();
            b.planned = new BigDecimal(source.planned());
            b.committed = BigDecimal.ZERO;
            b.spent = BigDecimal.ZERO;
            em.persist(b);
        }
    }

    @Override
    public AgreedContent.Part part() {
        return AgreedContent.Part.BUDGETS;
    }

    /** The planned side only: committed and spent are execution, never amended. */
    @Override
    public ObjectNode document(UUID planId) {
        return PartItems.document(json, all(planId), BudgetView::id, b -> new BudgetRequest(null, b.title(), b.fundingParty(),
                b.resourceType(), b.kind(), b.currency(), b.planned(), null, null));
    }

    @Override
    public void check(PlanView plan, String prefix, ObjectNode before, ObjectNode after) {
        for (PartItems.Change<BudgetRequest> change : PartItems.changed(json, validator, prefix, before, after, BudgetRequest.class)) {
            BudgetRules.requireValid(prefix + "." + change.key() + ".", change.request());
        }
    }

    /** Listed ids get the new planned side (their actuals stay as recorded), new ones are added, removed ones go. */
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(PlanView plan, ObjectNode before, ObjectNode after) {
        for (PartItems.Change<BudgetRequest> change : PartItems.changed(json, validator, "changes.budgets", before, after,
                BudgetRequest.class)) {
            BudgetRequest request = change.request();
            Budget b = change.id() == null ? null : find(plan.id(), change.id());
            if (b == null) {
                b = new Budget();
                b.id = Ids.next();
                b.planId = plan.id();
                b.createdAt = Instant.now();
                b.committed = amount(request.committed());
                b.spent = amount(request.spent());
                applyPlanned(b, request);
                em.persist(b);
            } else {
                applyPlanned(b, request);
            }
        }
        PartItems.removed(before, after).forEach(id -> em.remove(find(plan.id(), id)));
        em.flush();
    }

    @Override
    public String name() {
        return "budgets";
    }

    @Override
    public Object of(UUID planId) {
        return all(planId).stream().map(b -> new Snapshot(b.id(), b.title(), b.fundingParty(), b.resourceType(), b.kind(),
                b.currency(), b.planned(), b.committed(), b.spent())).toList();
    }

    record Snapshot(UUID id, String title, Side fundingParty, ResourceType resourceType, FundingKind kind, String currency,
                    String planned, String committed, String spent) {
    }

    private static void applyPlanned(Budget b, BudgetRequest r) {
        b.title = r.title().strip();
        b.fundingParty = r.fundingParty();
        b.resourceType = r.resourceType();
        b.kind = r.kind();
        b.currency = r.currency();
        b.planned = new BigDecimal(r.planned());
    }

    private static BigDecimal amount(String value) {
        return value == null ? BigDecimal.ZERO : new BigDecimal(value);
    }

    private static void requireDraftOrProposed(PlanView plan) {
        AgreedContent.requireDirectWrite(plan.id(), plan.status(), AgreedContent.Part.BUDGETS);
    }

    private Budget find(UUID planId, UUID budgetId) {
        Budget b = em.find(Budget.class, budgetId);
        if (b == null || !b.planId.equals(planId)) {
            throw ProblemException.notFound("Budget", budgetId);
        }
        return b;
    }

    private PlanView requireWritable(UUID planId) {
        PlanView plan = plans.get(planId);
        if (Stream.of(Roles.VENDOR_MANAGER, Roles.PARTNER_OWNER, Roles.CONTRIBUTOR, Roles.EXECUTIVE_SPONSOR).noneMatch(caller::hasRole)) {
            throw ProblemException.forbidden("Viewers do not change budgets");
        }
        if (plan.status() == PlanStatus.CLOSED || plan.status() == PlanStatus.RENEWED) {
            throw ProblemException.conflict("A " + plan.status().name().toLowerCase() + " plan takes no changes");
        }
        return plan;
    }
}
