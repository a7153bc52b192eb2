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

import io.partnerplan.plan.plan.PlanContent;
import io.partnerplan.plan.plan.PlanLifecycle;
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
public class Budgets implements PlanContent {

    private final EntityManager em;
    private final PlanService plans;
    private final Caller caller;

    public Budgets(EntityManager em, PlanService plans, Caller caller) {
        this.em = em;
        this.plans = plans;
        this.caller = caller;
    }

    @Transactional
    public BudgetView create(UUID planId, BudgetRequest request) {
        PlanView plan = requireWritable(planId);
        requireDraftOrProposed(plan, "A new budget");
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
        return BudgetView.of(b);
    }

    @Transactional
    public BudgetView update(UUID planId, UUID budgetId, String ifMatch, BudgetRequest request) {
        PlanView plan = requireWritable(planId);
        Budget b = find(planId, budgetId);
        Versions.requireMatch(ifMatch, b.version);
        BudgetRules.requireValid("", request);
        if (!PlanLifecycle.editable(plan.status()) && !BudgetRules.keepsWhatWasAgreed(b, request)) {
            throw ProblemException.conflict("On an agreed plan only committed and spent change directly; title, funding, "
                    + "resource type, kind, currency and planned amount change through an amendment (POST /api/v1/plans/"
                    + planId + "/amendments)");
        }
        applyPlanned(b, request);
        b.committed = amount(request.committed());
        b.spent = amount(request.spent());
        em.flush();
        plans.recordContentChange(planId, "budget.updated", null);
        return BudgetView.of(b);
    }

    @Transactional
    public void delete(UUID planId, UUID budgetId, String ifMatch) {
        PlanView plan = requireWritable(planId);
        Budget b = find(planId, budgetId);
        Versions.requireMatch(ifMatch, b.version);
        requireDraftOrProposed(plan, "Removing a budget");
        em.remove(b);
        em.flush();
        plans.recordContentChange(planId, "budget.deleted", null);
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

    /** Checks the budgets an amendment would leave the plan with; fields are named under {@code prefix}. */
    public void requireValidChange(String prefix, List<BudgetRequest> requests, UUID planId) {
        Set<UUID> existing = all(planId).stream().map(BudgetView::id).collect(Collectors.toSet());
        for (int i = 0; i < requests.size(); i++) {
            BudgetRequest request = requests.get(i);
            if (request.id() != null && !existing.contains(request.id())) {
                throw ProblemException.badRequest(prefix + "[" + i + "].id", "is not a budget of this plan");
            }
            BudgetRules.requireValid(prefix + "[" + i + "].", request);
        }
    }

    /**
     * Makes the plan's budgets the amendment's list: listed ids get the new planned side (their actuals
     * stay as recorded), new ones are added with the actuals given, unlisted ones are removed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void replaceAll(UUID planId, List<BudgetRequest> requests) {
        Map<UUID, Budget> existing = em.createQuery("from Budget where planId = ?1", Budget.class)
                .setParameter(1, planId).getResultStream().collect(Collectors.toMap(b -> b.id, Function.identity()));
        for (BudgetRequest request : requests) {
            Budget b = request.id() == null ? null : existing.remove(request.id());
            if (b == null) {
                b = new Budget();
                b.id = Ids.next();
                b.planId = planId;
                b.createdAt = Instant.now();
                b.committed = amount(request.committed());
                b.spent = amount(request.spent());
                applyPlanned(b, request);
                em.persist(b);
            } else {
                applyPlanned(b, request);
            }
        }
        existing.values().forEach(em::remove);
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

    private static void requireDraftOrProposed(PlanView plan, String what) {
        if (!PlanLifecycle.editable(plan.status())) {
            throw ProblemException.conflict(what + " on an agreed plan is an amendment (POST /api/v1/plans/" + plan.id() + "/amendments)");
        }
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
