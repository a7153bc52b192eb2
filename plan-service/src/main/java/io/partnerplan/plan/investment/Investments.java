package io.partnerplan.plan.investment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.partnerplan.plan.milestone.MilestoneDecided;
import io.partnerplan.plan.milestone.MilestoneStatus;
import io.partnerplan.plan.milestone.Milestones;
import jakarta.validation.Validator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.partnerplan.plan.milestone.Milestone;
import io.partnerplan.plan.plan.AgreedContent;
import io.partnerplan.plan.plan.AmendablePart;
import io.partnerplan.plan.plan.PartItems;
import io.partnerplan.plan.plan.PlanContent;
import io.partnerplan.plan.plan.PlanService;
import io.partnerplan.plan.plan.PlanStatus;
import io.partnerplan.plan.plan.PlanView;
import io.partnerplan.platform.concurrency.Versions;
import io.partnerplan.platform.events.Outbox;
import io.partnerplan.platform.persistence.Ids;
import io.partnerplan.platform.problem.ProblemException;
import io.partnerplan.platform.security.Caller;
import io.partnerplan.platform.security.Roles;

/** Investments conditional on milestones: achieving the milestone unlocks them (investment.unlocked). */
@ApplicationScoped
public class Investments implements AmendablePart, PlanContent {

    private final EntityManager em;
    private final PlanService plans;
    private final Milestones milestones;
    private final Outbox outbox;
    private final Caller caller;

    private final ObjectMapper json;
    private final Validator validator;

    public Investments(EntityManager em, PlanService plans, Milestones milestones, Outbox outbox, Caller caller,
                       ObjectMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
        this.em = em;
        this.plans = plans;
        this.milestones = milestones;
        this.outbox = outbox;
        this.caller = caller;
    }

    @Transactional
    public InvestmentView create(UUID planId, InvestmentRequest request) {
        requireEditable(planId);
        var milestone = milestone(planId, request.milestoneId());
        if (request.status() != null && request.status() != InvestmentStatus.LOCKED) {
            throw ProblemException.badRequest("status", "a new investment is LOCKED until its milestone is achieved");
        }
        Investment i = new Investment();
        i.id = Ids.next();
        i.planId = planId;
        i.createdAt = Instant.now();
        i.status = InvestmentStatus.LOCKED;
        apply(i, request);
        em.persist(i);
        em.flush();
        InvestmentView view = InvestmentView.of(i);
        outbox.publish(InvestmentEvents.CREATED, planId, view);
        if (milestone.status() == MilestoneStatus.ACHIEVED) {
            unlock(i);
        }
        return InvestmentView.of(i);
    }

    @Transactional
    public InvestmentView update(UUID planId, UUID investmentId, String ifMatch, InvestmentRequest request) {
        requireEditable(planId);
        Investment i = find(planId, investmentId);
        Versions.requireMatch(ifMatch, i.version);
        if (i.status != InvestmentStatus.LOCKED) {
            throw ProblemException.conflict("Investment " + investmentId + " is " + i.status.name().toLowerCase()
                    + "; only a locked investment changes");
        }
        milestone(planId, request.milestoneId());
        if (request.status() == InvestmentStatus.UNLOCKED) {
            throw ProblemException.badRequest("status", "only achieving the milestone unlocks an investment");
        }
        apply(i, request);
        if (request.status() == InvestmentStatus.WITHDRAWN) {
            i.status = InvestmentStatus.WITHDRAWN;
        }
        em.flush();
        InvestmentView view = InvestmentView.of(i);
        outbox.publish(InvestmentEvents.UPDATED, planId, view);
        return view;
    }

    @Transactional
    public List<InvestmentView> ofPlan(UUID planId) {
        plans.requireVisible(planId);
        return em.createQuery("from Investment where planId = ?1 order by id", Investment.class).setParameter(1, planId)
                .getResultStream().map(InvestmentView::of).toList();
    }

    @Override
    public AgreedContent.Part part() {
        return AgreedContent.Part.INVESTMENTS;
    }

    @Override
    public ObjectNode document(UUID planId) {
        List<Investment> all = em.createQuery("from Investment where planId = ?1 order by id", Investment.class)
                .setParameter(1, planId).getResultList();
        return PartItems.document(json, all, i -> i.id, i -> new InvestmentRequest(i.title, i.description, i.fundingParty,
                i.amount.stripTrailingZeros().toPlainString(), i.currency, i.milestoneId, i.status));
    }

    @Override
    public void check(PlanView plan, String prefix, ObjectNode before, ObjectNode after) {
        List<UUID> removed = PartItems.removed(before, after);
        if (!removed.isEmpty()) {
            throw ProblemException.badRequest(prefix + "." + removed.get(0), "an investment is not removed; set its status to WITHDRAWN");
        }
        for (PartItems.Change<InvestmentRequest> change : PartItems.changed(json, validator, prefix, before, after, InvestmentRequest.class)) {
            String at = prefix + "." + change.key() + ".";
            Investment i = change.id() == null ? null : find(plan.id(), change.id());
            if (i != null && i.status != InvestmentStatus.LOCKED) {
                throw ProblemException.badRequest(at + "status", "is " + i.status.name().toLowerCase() + "; only a locked investment changes");
            }
            InvestmentStatus status = change.request().status();
            if (status == InvestmentStatus.UNLOCKED) {
                throw ProblemException.badRequest(at + "status", "only achieving the milestone unlocks an investment");
            }
            if (i == null && status == InvestmentStatus.WITHDRAWN) {
                throw ProblemException.badRequest(at + "status", "a new investment is LOCKED until its milestone is achieved");
            }
            Milestone m = em.find(Milestone.class, change.request().milestoneId());
            if (m == null || !m.planId.equals(plan.id())) {
                throw ProblemException.badRequest(at + "milestoneId", "is not a milestone of this plan");
            }
        }
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(PlanView plan, ObjectNode before, ObjectNode after) {
        for (PartItems.Change<InvestmentRequest> change : PartItems.changed(json, validator, "changes.investments", before, after,
                InvestmentRequest.class)) {
            Investment i = change.id() == null ? null : find(plan.id(), change.id());
            boolean created = i == null;
            if (created) {
                i = new Investment();
                i.id = Ids.next();
                i.planId = plan.id();
                i.createdAt = Instant.now();
                i.status = InvestmentStatus.LOCKED;
            }
            apply(i, change.request());
            if (change.request().status() == InvestmentStatus.WITHDRAWN) {
                i.status = InvestmentStatus.WITHDRAWN;
            }
            if (created) {
                em.persist(i);
            }
            em.flush();
            outbox.publish(created ? InvestmentEvents.CREATED : InvestmentEvents.UPDATED, plan.id(), InvestmentView.of(i));
            Milestone m = em.find(Milestone.class, i.milestoneId);
            if (i.status == InvestmentStatus.LOCKED && m.status == MilestoneStatus.ACHIEVED) {
                unlock(i);
            }
        }
    }

    @Override
    public String name() {
        return "investments";
    }

    @Override
    public Object of(UUID planId) {
        return em.createQuery("from Investment where planId = ?1 order by id", Investment.class).setParameter(1, planId)
                .getResultStream().map(i -> new Snapshot(i.id, i.title, i.description, i.fundingParty,
                        i.amount.stripTrailingZeros().toPlainString(), i.currency, i.milestoneId, i.status)).toList();
    }

    record Snapshot(UUID id, String title, String description, io.partnerplan.plan.plan.Side fundingParty, String amount,
                    String currency, UUID milestoneId, InvestmentStatus status) {
    }

    /** In the transaction that achieved the milestone: its locked investments are released. */
    void onMilestoneDecided(@Observes MilestoneDecided decided) {
        if (decided.status() != MilestoneStatus.ACHIEVED) {
            return;
        }
        em.createQuery("from Investment where milestoneId = ?1 and status = ?2", Investment.class)
                .setParameter(1, decided.milestoneId()).setParameter(2, InvestmentStatus.LOCKED)
                .getResultList().forEach(this::unlock);
    }

    private void unlock(Investment i) {
        i.status = InvestmentStatus.UNLOCKED;
        i.unlockedAt = Instant.now();
        em.flush();
        outbox.publish(InvestmentEvents.UNLOCKED, i.planId, InvestmentView.of(i));
    }

    private io.partnerplan.plan.milestone.MilestoneView milestone(UUID planId, UUID milestoneId) {
        try {
            return milestones.get(planId, milestoneId);
        } catch (ProblemException e) {
            if (e.status() == 404) {
                throw ProblemException.badRequest("milestoneId", "is not a milestone of this plan");
            }
            throw e;
        }
    }

    private static void apply(Investment i, InvestmentRequest request) {
        i.title = request.title().strip();
        i.description = request.description();
        i.fundingParty = request.fundingParty();
        i.amount = new BigDecimal(request.amount());
        i.currency = request.currency();
        i.milestoneId = request.milestoneId();
    }

    private Investment find(UUID planId, UUID investmentId) {
        Investment i = em.find(Investment.class, investmentId);
        if (i == null || !i.planId.equals(planId)) {
            throw ProblemException.notFound("Investment", investmentId);
        }
        return i;
    }

    private PlanView requireEditable(UUID planId) {
        PlanView plan = plans.get(planId);
        if (!caller.hasRole(Roles.VENDOR_MANAGER) && !caller.hasRole(Roles.PARTNER_OWNER)) {
            throw ProblemException.forbidden("Only the plan's vendor manager and partner owner commit investments");
        }
        if (plan.status() == PlanStatus.CLOSED || plan.status() == PlanStatus.RENEWED) {
            throw ProblemException.conflict("A " + plan.status().name().toLowerCase() + " plan takes no investment changes");
        }
        // Withdrawing one included: a conditional investment is a promise both sides signed.
        AgreedContent.requireDirectWrite(planId, plan.status(), AgreedContent.Part.INVESTMENTS);
        return plan;
    }
}
