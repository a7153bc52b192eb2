package io.partnerplan.plan.review;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.partnerplan.plan.action.ActionRequest;
import io.partnerplan.plan.action.PlanActions;
import io.partnerplan.plan.member.PlanMemberRepository;
import io.partnerplan.plan.plan.PlanService;
import io.partnerplan.plan.plan.PlanStatus;
import io.partnerplan.plan.plan.PlanView;
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
 * Reviews held: recorded by a member with the decisions and the new actions in one transaction,
 * keeping the KPI scorecard of the moment; closes the due review (review.completed) and brings an
 * in-review plan back to active.
 */
@ApplicationScoped
public class Reviews {

    private final EntityManager em;
    private final PlanService plans;
    private final PlanMemberRepository members;
    private final PlanActions actions;
    private final KpiScorecards scorecards;
    private final Outbox outbox;
    private final Caller caller;
    private final Clock clock;

    public Reviews(EntityManager em, PlanService plans, PlanMemberRepository members, PlanActions actions,
                   KpiScorecards scorecards, Outbox outbox, Caller caller, Clock clock) {
        this.em = em;
        this.plans = plans;
        this.members = members;
        this.actions = actions;
        this.scorecards = scorecards;
        this.outbox = outbox;
        this.caller = caller;
        this.clock = clock;
    }

    @Transactional
    public ReviewHeld record(UUID planId, ReviewRequest request) {
        PlanView plan = plans.get(planId);
        if (members.of(planId, caller.subject()).isEmpty()) {
            throw ProblemException.forbidden("Only members of the plan record its reviews");
        }
        // As for action items (which a review may agree): a viewer reads, never writes.
        if (java.util.stream.Stream.of(Roles.VENDOR_MANAGER, Roles.PARTNER_OWNER, Roles.CONTRIBUTOR, Roles.EXECUTIVE_SPONSOR)
                .noneMatch(caller::hasRole)) {
            throw ProblemException.forbidden("Viewers do not record reviews");
        }
        // A renewed plan is still the one in force until its successor is agreed: it is reviewed meanwhile.
        if (plan.status() != PlanStatus.ACTIVE && plan.status() != PlanStatus.IN_REVIEW && !plans.renewedAwaitingSuccessor(planId)) {
            throw ProblemException.conflict("Reviews are held on active or in-review plans, and on a renewed one until its "
                    + "successor is agreed; this one is " + plan.status().name().toLowerCase());
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate heldOn = request.heldOn() == null ? today : request.heldOn();
        if (heldOn.isAfter(today)) {
            throw ProblemException.badRequest("heldOn", "must not be in the future");
        }
        List<ActionRequest> agreed = request.actions() == null ? List.of() : request.actions();
        List<UUID> created = new ArrayList<>();
        for (int i = 0; i < agreed.size(); i++) {
            try {
                created.add(actions.create(planId, agreed.get(i)).id());
            } catch (ProblemException e) {
                throw within("actions[" + i + "].", e);
            }
        }
        HeldReview review = new HeldReview();
        review.id = Ids.next();
        review.planId = planId;
        review.scheduledReviewId = request.scheduledReviewId();
        review.heldOn = heldOn;
        review.attendees = request.attendees().stream().map(String::strip).toList();
        review.notes = request.notes();
        review.decisions = request.decisions() == null ? List.of() : request.decisions().stream().map(String::strip).toList();
        review.kpiSnapshot = scorecards.latest(caller.requireTenant(), planId);
        review.actionIds = created;
        review.recordedBy = caller.subject();
        review.recordedAt = Instant.now();
        em.persist(review);
        em.flush();
        plans.reviewCycle(planId, PlanStatus.ACTIVE);
        ReviewHeld held = ReviewHeld.of(review);
        outbox.publish(ReviewEvents.COMPLETED, planId, held);
        return held;
    }

    @Transactional
    public ReviewHeld get(UUID planId, UUID reviewId) {
        plans.requireVisible(planId);
        HeldReview review = em.find(HeldReview.class, reviewId);
        if (review == null || !review.planId.equals(planId)) {
            throw ProblemException.notFound("Review", reviewId);
        }
        return ReviewHeld.of(review);
    }

    @Transactional
    public Page<ReviewHeld> list(UUID planId, PageRequest page) {
        plans.requireVisible(planId);
        List<HeldReview> rows = Keyset.rows(em, HeldReview.class, page, "planId = ?1", planId);
        return Page.of(rows, page, r -> r.id, ReviewHeld::of);
    }

    /** An action item's problem, its fields named where they are in the review's request. */
    private static ProblemException within(String prefix, ProblemException e) {
        if (e.errors().isEmpty()) {
            return e;
        }
        List<Problem.FieldError> errors = e.errors().stream()
                .map(f -> new Problem.FieldError(prefix + f.field(), f.message())).toList();
        return new ProblemException(e.status(), e.slug(), e.title(), prefix + e.getMessage(), errors);
    }
}
