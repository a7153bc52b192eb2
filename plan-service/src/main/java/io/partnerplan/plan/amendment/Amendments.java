package io.partnerplan.plan.amendment;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.partnerplan.plan.budget.Budgets;
import io.partnerplan.plan.member.PlanMemberRepository;
import io.partnerplan.plan.objective.Objectives;
import io.partnerplan.plan.plan.PlanChanged;
import io.partnerplan.plan.plan.PlanLifecycle;
import io.partnerplan.plan.plan.PlanService;
import io.partnerplan.plan.plan.PlanStatus;
import io.partnerplan.plan.plan.PlanView;
import io.partnerplan.plan.plan.Side;
import io.partnerplan.plan.section.SectionRules;
import io.partnerplan.platform.concurrency.Versions;
import io.partnerplan.platform.events.Outbox;
import io.partnerplan.platform.paging.Keyset;
import io.partnerplan.platform.paging.Page;
import io.partnerplan.platform.paging.PageRequest;
import io.partnerplan.platform.persistence.Ids;
import io.partnerplan.platform.problem.Problem;
import io.partnerplan.platform.problem.ProblemException;
import io.partnerplan.platform.security.Caller;
import io.partnerplan.platform.security.Roles;

/**
 * Amendments: the only way an agreed plan's content changes. A member of either side proposes; a
 * member of the other side allowed to sign for it accepts (applied in one transaction as one new
 * plan version, plan.amended) or rejects with a reason. One open amendment per plan at a time, so
 * an accepted amendment always applies to the content it was proposed against. The proposing side
 * may withdraw it, and closing or renewing the plan withdraws it.
 */
@ApplicationScoped
public class Amendments {

    private static final Set<PlanStatus> AMENDABLE = Set.of(PlanStatus.AGREED, PlanStatus.ACTIVE, PlanStatus.IN_REVIEW);

    private final EntityManager em;
    private final PlanService plans;
    private final PlanMemberRepository members;
    private final Objectives objectives;
    private final Budgets budgets;
    private final Outbox outbox;
    private final Caller caller;

    public Amendments(EntityManager em, PlanService plans, PlanMemberRepository members, Objectives objectives,
                      Budgets budgets, Outbox outbox, Caller caller) {
        this.em = em;
        this.plans = plans;
        this.members = members;
        this.objectives = objectives;
        this.budgets = budgets;
        this.outbox = outbox;
        this.caller = caller;
    }

    @Transactional
    public AmendmentView propose(UUID planId, AmendmentRequest request) {
        PlanView plan = plans.get(planId);
        requireMember(planId, "propose amendments");
        if (!mayPropose()) {
            throw ProblemException.forbidden("Viewers do not propose amendments");
        }
        requireAmendable(plan);
        AmendmentChanges changes = request.changes();
        if (changes.changesNothing()) {
            throw ProblemException.badRequest("changes", "must change sections, objectives or budgets");
        }
        if (changes.sections() != null) {
            try {
                SectionRules.requireValid(changes.sections());
            } catch (ProblemException e) {
                throw within("changes.sections.", e);
            }
        }
        if (changes.objectives() != null) {
            objectives.requireValidChange("changes.objectives", changes.objectives(), plan);
        }
        if (changes.budgets() != null) {
            budgets.requireValidChange("changes.budgets", changes.budgets(), planId);
        }
        if (open(planId) > 0) {
            throw ProblemException.conflict("Plan " + planId + " has an open amendment; the other side accepts or rejects it first");
        }
        Amendment a = new Amendment();
        a.id = Ids.next();
        a.planId = planId;
        a.proposedBy = caller.subject();
        a.proposedBySide = sideOf(plan);
        a.reason = request.reason().strip();
        a.changes = changes;
        a.status = AmendmentStatus.PROPOSED;
        a.fromVersion = plan.version();
        a.proposedAt = Instant.now();
        em.persist(a);
        em.flush();
        return publish(a, "plan.amendment-proposed");
    }

    @Transactional
    public AmendmentView accept(UUID planId, UUID amendmentId, String ifMatch) {
        PlanView plan = plans.get(planId);
        Amendment a = decidable(plan, amendmentId, ifMatch, "accept");
        requireAmendable(plan);
        if (a.changes.objectives() != null) {
            objectives.replaceAll(planId, a.changes.objectives());
        }
        if (a.changes.budgets() != null) {
            budgets.replaceAll(planId, a.changes.budgets());
        }
        PlanView amended = plans.recordContentChange(planId, "plan.amended", a.changes.sections());
        a.status = AmendmentStatus.ACCEPTED;
        a.acceptedBy = caller.subject();
        a.toVersion = amended.version();
        a.decidedAt = Instant.now();
        em.flush();
        return publish(a, "plan.amended");
    }

    @Transactional
    public AmendmentView reject(UUID planId, UUID amendmentId, String ifMatch, String reason) {
        PlanView plan = plans.get(planId);
        Amendment a = decidable(plan, amendmentId, ifMatch, "reject");
        a.status = AmendmentStatus.REJECTED;
        a.rejectedBy = caller.subject();
        a.rejectionReason = reason.strip();
        a.decidedAt = Instant.now();
        em.flush();
        return publish(a, "plan.amendment-rejected");
    }

    /** The proposing side takes its open amendment back; the other side is no longer asked to decide. */
    @Transactional
    public AmendmentView withdraw(UUID planId, UUID amendmentId, String ifMatch, String reason) {
        PlanView plan = plans.get(planId);
        Amendment a = find(planId, amendmentId);
        requireMember(planId, "withdraw amendments");
        // Who may is answered before a stale If-Match: a viewer hears 403, not "read it again".
        if (sideOf(plan) != a.proposedBySide || !mayPropose()) {
            throw ProblemException.forbidden("The " + a.proposedBySide.name().toLowerCase() + " proposed this amendment: "
                    + "only its members who may propose amendments withdraw it");
        }
        Versions.requireMatch(ifMatch, a.version);
        requireOpen(a);
        return withdrawn(a, caller.subject(), reason.strip());
    }

    /** A closed or renewed plan takes no amendment: its open one is withdrawn in the same transaction. */
    void onPlanEnded(@Observes PlanChanged change) {
        String ended = switch (change.change()) {
            case "plan.closed" -> "closed";
            case "plan.renewed" -> "renewed";
            default -> null;
        };
        if (ended != null) {
            em.createQuery("from Amendment a where a.planId = ?1 and a.status = ?2", Amendment.class)
                    .setParameter(1, change.plan().id()).setParameter(2, AmendmentStatus.PROPOSED).getResultStream()
                    .forEach(a -> withdrawn(a, change.changedBy(), "The plan was " + ended));
        }
    }

    private AmendmentView withdrawn(Amendment a, String by, String reason) {
        a.status = AmendmentStatus.WITHDRAWN;
        a.withdrawnBy = by;
        a.withdrawalReason = reason;
        a.decidedAt = Instant.now();
        em.flush();
        return publish(a, "plan.amendment-withdrawn");
    }

    @Transactional
    public AmendmentView get(UUID planId, UUID amendmentId) {
        plans.requireVisible(planId);
        return AmendmentView.of(find(planId, amendmentId));
    }

    /** ETag of one amendment. */
    @Transactional
    public long version(UUID planId, UUID amendmentId) {
        return find(planId, amendmentId).version;
    }

    @Transactional
    public Page<AmendmentView> list(UUID planId, PageRequest page) {
        plans.requireVisible(planId);
        List<Amendment> rows = Keyset.rows(em, Amendment.class, page, "planId = ?1", planId);
        return Page.of(rows, page, a -> a.id, AmendmentView::of);
    }

    /** An open amendment the caller may decide: the other side's, by someone who may sign for their side. */
    private Amendment decidable(PlanView plan, UUID amendmentId, String ifMatch, String verb) {
        Amendment a = find(plan.id(), amendmentId);
        Versions.requireMatch(ifMatch, a.version);
        requireMember(plan.id(), verb + " amendments");
        requireOpen(a);
        Side side = sideOf(plan);
        if (side == a.proposedBySide) {
            throw ProblemException.forbidden("The " + side.name().toLowerCase() + " proposed this amendment; the other side "
                    + "accepts or rejects it");
        }
        if (!PlanLifecycle.maySignFor(side, caller.roles())) {
            throw ProblemException.forbidden("Deciding an amendment for the " + side.name().toLowerCase() + " needs the "
                    + (side == Side.VENDOR ? Roles.VENDOR_MANAGER : Roles.PARTNER_OWNER) + " or " + Roles.EXECUTIVE_SPONSOR + " role");
        }
        return a;
    }

    private static void requireOpen(Amendment a) {
        if (a.status != AmendmentStatus.PROPOSED) {
            throw ProblemException.conflict("Amendment " + a.id + " was already " + a.status.name().toLowerCase());
        }
    }

    private boolean mayPropose() {
        return Stream.of(Roles.VENDOR_MANAGER, Roles.PARTNER_OWNER, Roles.CONTRIBUTOR, Roles.EXECUTIVE_SPONSOR).anyMatch(caller::hasRole);
    }

    private AmendmentView publish(Amendment a, String event) {
        AmendmentView view = AmendmentView.of(a);
        outbox.publish(event, "plan", a.planId, view);
        return view;
    }

    private long open(UUID planId) {
        return em.createQuery("select count(a) from Amendment a where a.planId = ?1 and a.status = ?2", Long.class)
                .setParameter(1, planId).setParameter(2, AmendmentStatus.PROPOSED).getSingleResult();
    }

    private Amendment find(UUID planId, UUID amendmentId) {
        Amendment a = em.find(Amendment.class, amendmentId);
        if (a == null || !a.planId.equals(planId)) {
            throw ProblemException.notFound("Amendment", amendmentId);
        }
        return a;
    }

    private void requireMember(UUID planId, String what) {
        if (members.of(planId, caller.subject()).isEmpty()) {
            throw ProblemException.forbidden("Only members of the plan " + what);
        }
    }

    private static void requireAmendable(PlanView plan) {
        if (!AMENDABLE.contains(plan.status())) {
            throw ProblemException.conflict(plan.status() == PlanStatus.DRAFT || plan.status() == PlanStatus.PROPOSED
                    ? "A " + plan.status().name().toLowerCase() + " plan is edited directly, not amended"
                    : "A " + plan.status().name().toLowerCase() + " plan takes no amendments");
        }
    }

    private Side sideOf(PlanView plan) {
        return plan.vendorOrganisationId().equals(caller.requireOrganisation()) ? Side.VENDOR : Side.PARTNER;
    }

    private static ProblemException within(String prefix, ProblemException e) {
        List<Problem.FieldError> errors = e.errors().stream()
                .map(f -> new Problem.FieldError(prefix + f.field(), f.message())).toList();
        return new ProblemException(e.status(), e.slug(), e.title(), prefix + e.getMessage(), errors);
    }
}
