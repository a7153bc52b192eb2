package io.partnerplan.calendar.review;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;


import org.jboss.logging.Logger;

import io.partnerplan.calendar.blocked.BlockedPeriodRepository;
import io.partnerplan.calendar.mop.MopPeriod;
import io.partnerplan.calendar.mop.MopStatus;
import io.partnerplan.calendar.mop.MutualOperatingPeriod;
import io.partnerplan.platform.events.EventType;
import io.partnerplan.platform.events.Outbox;
import io.partnerplan.platform.concurrency.Versions;
import io.partnerplan.platform.events.IncomingEvent;
import io.partnerplan.platform.problem.Problem;
import io.partnerplan.platform.persistence.Ids;
import io.partnerplan.platform.problem.ProblemException;
import io.partnerplan.platform.security.Caller;
import io.partnerplan.platform.security.Roles;
import io.quarkus.scheduler.Scheduled;

/** Review schedules of agreed plans, and the job that says when a review comes due or is overdue. */
@ApplicationScoped
public class Reviews {

    private final EntityManager em;
    private final Outbox outbox;
    private final Caller caller;
    private final Clock clock;
    private static final Logger LOG = Logger.getLogger(Reviews.class);
    private static final List<ReviewStatus> OPEN =
            List.of(ReviewStatus.SCHEDULED, ReviewStatus.UPCOMING, ReviewStatus.DUE, ReviewStatus.OVERDUE);

    private final BlockedPeriodRepository blocked;
    private final LeadTimes leadTimes;
    private final int graceDays;
    private final int businessDaysAfter;

    public Reviews(EntityManager em, Outbox outbox, Caller caller, Clock clock, BlockedPeriodRepository blocked,
                   ReviewSettings settings) {
        this.blocked = blocked;
        this.businessDaysAfter = settings.businessDaysAfterPeriodEnd();
        this.em = em;
        this.outbox = outbox;
        this.caller = caller;
        this.clock = clock;
        this.leadTimes = new LeadTimes(settings.leadDays());
        this.graceDays = settings.graceDays();
    }

    /** On plan.agreed: (re)builds the plan's schedule; reviews already held, announced or moved stay. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void schedule(AgreedPlan plan) {
        UUID planId = plan.id();
        UUID vendor = plan.vendorOrganisationId();
        UUID partner = plan.partnerOrganisationId();
        LocalDate start = plan.horizonStart();
        LocalDate end = plan.horizonEnd();
        List<MopPeriod> mop = em.createQuery("""
                        from MutualOperatingPeriod m where m.vendorOrganisationId = ?1 and m.partnerOrganisationId = ?2
                        and m.status = ?3""", MutualOperatingPeriod.class)
                .setParameter(1, vendor).setParameter(2, partner).setParameter(3, MopStatus.AGREED)
                .getResultStream().findFirst().map(m -> m.periods).orElse(null);
        // Business days skip both organisations' declared holidays, a little past the horizon for the last period's review.
        BusinessDays days = new BusinessDays(blocked.holidays(List.of(vendor, partner), start, end.plusDays(60)));
        List<LocalDate> due = ReviewSchedule.place(
                ReviewSchedule.dueDates(start, end, plan.reviewCadence() == null ? "QUARTERLY" : plan.reviewCadence(), mop),
                days, businessDaysAfter);
        em.createQuery("delete from PlanReview r where r.planId = ?1 and r.status = ?2 and r.dueOn = r.plannedOn")
                .setParameter(1, planId).setParameter(2, ReviewStatus.SCHEDULED).executeUpdate();
        List<PlanReview> kept = em.createQuery("from PlanReview r where r.planId = ?1", PlanReview.class)
                .setParameter(1, planId).getResultList();
        int sequence = kept.stream().mapToInt(r -> r.sequence).max().orElse(0);
        for (LocalDate day : due) {
            if (kept.stream().anyMatch(r -> r.dueOn.equals(day) || r.plannedOn.equals(day))) {
                continue;
            }
            PlanReview review = new PlanReview();
            review.id = Ids.next();
            review.planId = planId;
            review.vendorOrganisationId = vendor;
            review.partnerOrganisationId = partner;
            review.sequence = ++sequence;
            review.dueOn = day;
            review.plannedOn = day;
            review.status = ReviewStatus.SCHEDULED;
            em.persist(review);
        }
        em.flush();
        outbox.publish(ReviewEvents.SCHEDULED, planId, new ScheduleView(planId, of(planId)));
    }

    /**
     * On review.completed: closes the occurrence the held review names, else the plan's earliest
     * open one. A held review closes at most one occurrence, however often it is reported.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void complete(IncomingEvent event) {
        ReviewHeld held = event.dataAs(ReviewHeld.class);
        UUID planId = held.planId();
        UUID heldReviewId = held.reviewId();
        LocalDate heldOn = held.heldOn() != null ? held.heldOn() : LocalDate.now(clock);
        boolean alreadyClosed = !em.createQuery("from PlanReview r where r.planId = ?1 and r.heldReviewId = ?2", PlanReview.class)
                .setParameter(1, planId).setParameter(2, heldReviewId).getResultList().isEmpty();
        if (alreadyClosed) {
            return;
        }
        PlanReview review = null;
        if (held.scheduledReviewId() != null) {
            UUID named = held.scheduledReviewId();
            review = em.createQuery("from PlanReview r where r.id = ?1 and r.planId = ?2", PlanReview.class)
                    .setParameter(1, named).setParameter(2, planId).getResultStream().findFirst().orElse(null);
            if (review != null && review.status == ReviewStatus.COMPLETED) {
                return;
            }
            if (review == null) {
                // plan-service cannot check the id its user typed: a review was held all the same, so
                // close the one that is due rather than leave it announcing itself forever.
                LOG.warnf("review.completed for plan %s names occurrence %s, which it does not have: closing the earliest open one",
                        planId, named);
            }
        }
        if (review == null) {
            review = em.createQuery("from PlanReview r where r.planId = ?1 and r.status in ?2 order by r.dueOn",
                            PlanReview.class)
                    .setParameter(1, planId).setParameter(2, OPEN).setMaxResults(1).getResultStream().findFirst()
                    .orElse(null);
            if (review == null) {
                LOG.infof("review.completed for plan %s: no open review occurrence to close", planId);
                return;
            }
        }
        review.status = ReviewStatus.COMPLETED;
        review.completedOn = heldOn;
        review.heldReviewId = heldReviewId;
    }

    /** Moves one open occurrence to another day; it is announced again relative to its new date. */
    @Transactional
    public ReviewView reschedule(UUID planId, UUID reviewId, String ifMatch, LocalDate dueOn) {
        PlanReview review = em.createQuery("from PlanReview r where r.id = ?1 and r.planId = ?2", PlanReview.class)
                .setParameter(1, reviewId).setParameter(2, planId).getResultStream().findFirst()
                .filter(r -> isParty(r) || caller.hasRole(Roles.TENANT_ADMIN))
                .orElseThrow(() -> ProblemException.notFound("Review " + reviewId + " of plan", planId));
        if (!(caller.hasRole(Roles.VENDOR_MANAGER) || caller.hasRole(Roles.PARTNER_OWNER)
                || caller.hasRole(Roles.EXECUTIVE_SPONSOR) || caller.hasRole(Roles.TENANT_ADMIN))) {
            throw ProblemException.forbidden("Moving a review needs the vendor-manager, partner-owner or executive-sponsor role");
        }
        Versions.requireMatch(ifMatch, review.version);
        if (!review.open()) {
            throw ProblemException.conflict("This review is " + review.status.name().toLowerCase() + "; only an open one moves");
        }
        if (dueOn.isBefore(LocalDate.now(clock))) {
            throw ProblemException.badRequest("dueOn", "must not be in the past");
        }
        boolean taken = !em.createQuery("from PlanReview r where r.planId = ?1 and r.dueOn = ?2 and r.id <> ?3", PlanReview.class)
                .setParameter(1, planId).setParameter(2, dueOn).setParameter(3, reviewId).getResultList().isEmpty();
        if (taken) {
            throw new ProblemException(409, "review-date-taken", "Another review on that day",
                    "Plan " + planId + " already has a review on " + dueOn + "; pick another day",
                    List.of(new Problem.FieldError("dueOn", "another review of this plan is on " + dueOn)));
        }
        review.dueOn = dueOn;
        review.status = ReviewStatus.SCHEDULED;
        em.flush();
        outbox.publish(ReviewEvents.SCHEDULED, planId, new ScheduleView(planId, of(planId)));
        return ReviewView.of(review);
    }

    /**
     * On plan.renewed: the successor is only a draft, so the renewed plan stays the one both sides work
     * and review; its schedule is kept until the successor is agreed ({@link #successorAgreed}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void renewed(String tenant, UUID planId, UUID successorPlanId) {
        em.createNativeQuery("""
                        insert into plan_succession (plan_id, tenant_id, successor_plan_id, renewed_at) values (?1, ?2, ?3, ?4)
                        on conflict (plan_id) do update set successor_plan_id = excluded.successor_plan_id
                        where plan_succession.tenant_id = excluded.tenant_id""")
                .setParameter(1, planId).setParameter(2, tenant).setParameter(3, successorPlanId)
                .setParameter(4, clock.instant()).executeUpdate();
        // Events of two plans may arrive in either order: a successor agreed already ends the schedule now.
        Long successorScheduled = em.createQuery("select count(r) from PlanReview r where r.planId = ?1", Long.class)
                .setParameter(1, successorPlanId).getSingleResult();
        if (successorScheduled > 0) {
            cancel(planId);
        }
    }

    /** On plan.agreed: when the plan succeeds a renewed one, the renewed plan's remaining reviews will not be held. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void successorAgreed(String tenant, UUID planId) {
        @SuppressWarnings("unchecked")
        List<UUID> renewed = em.createNativeQuery("select plan_id from plan_succession where tenant_id = ?1 and successor_plan_id = ?2")
                .setParameter(1, tenant).setParameter(2, planId).getResultList();
        renewed.forEach(this::cancel);
    }

    /** On plan.closed, and on a renewed plan's successor agreed: the remaining reviews will not be held. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void cancel(UUID planId) {
        em.createQuery("update PlanReview r set r.status = ?1, r.version = r.version + 1 where r.planId = ?2 and r.status in (?3, ?4)")
                .setParameter(1, ReviewStatus.CANCELLED).setParameter(2, planId)
                .setParameter(3, ReviewStatus.SCHEDULED).setParameter(4, ReviewStatus.UPCOMING).executeUpdate();
    }

    @Transactional
    public List<ReviewView> forPlan(UUID planId) {
        List<ReviewView> reviews = of(planId);
        PlanReview any = em.createQuery("from PlanReview r where r.planId = ?1", PlanReview.class)
                .setParameter(1, planId).setMaxResults(1).getResultStream().findFirst()
                .orElseThrow(() -> ProblemException.notFound("Review schedule of plan", planId));
        if (!isParty(any) && !caller.hasRole(Roles.TENANT_ADMIN)) {
            throw ProblemException.notFound("Review schedule of plan", planId);
        }
        return reviews;
    }

    @Scheduled(every = "${partnerplan.reviews.check-interval:30s}", delayed = "3s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        announceToday();
    }

    /** What {@link #announce} does for the clock's today. */
    public int announceToday() {
        return announce(LocalDate.now(clock));
    }

    /**
     * Announces, across tenants, reviews coming due (at each lead time, see {@link LeadTimes}) and overdue
     * ones. Rows are claimed with {@code FOR UPDATE SKIP LOCKED} and each announcement is recorded under
     * (occurrence, due date, lead time), so replicas never announce one twice; the record, the status
     * change and the event commit together. A day the job missed is caught up on its next run.
     *
     * @return how many events were published
     */
    @Transactional
    @ActivateRequestContext
    public int announce(LocalDate today) {
        int published = announceDue(today);
        for (ReviewStatus open : List.of(ReviewStatus.SCHEDULED, ReviewStatus.UPCOMING, ReviewStatus.DUE)) {
            published += advance(open, ReviewStatus.OVERDUE, "due_on <= ?1 and due_on > ?2", today.minusDays(graceDays),
                    LocalDate.of(1970, 1, 1), ReviewEvents.OVERDUE, today);
        }
        return published;
    }

    private int announceDue(LocalDate today) {
        // Each open review in reach, with the lead time it is inside now, unless that was announced for its date.
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select r.id, r.tenant_id, r.plan_id, r.due_on, r.sequence, l.lead from plan_review r
                        cross join lateral (select min(x) as lead from (values %s) v(x)
                                            where x >= greatest(0, r.due_on - cast(?1 as date))) l
                        where r.status in ('SCHEDULED', 'UPCOMING') and r.due_on <= ?2 and r.due_on > ?3
                        and not exists (select 1 from review_announcement a
                                        where a.review_id = r.id and a.due_on = r.due_on and a.lead_days = l.lead)
                        order by r.due_on limit 500 for update of r skip locked""".formatted(leadTimes.sqlValues()))
                .setParameter(1, today).setParameter(2, today.plusDays(leadTimes.longest()))
                .setParameter(3, today.minusDays(graceDays)).getResultList();
        int published = 0;
        for (Object[] row : rows) {
            UUID id = (UUID) row[0];
            UUID plan = (UUID) row[2];
            LocalDate due = day(row[3]);
            int lead = ((Number) row[5]).intValue();
            int recorded = em.createNativeQuery("""
                            insert into review_announcement (review_id, due_on, lead_days, tenant_id, announced_at)
                            values (?1, ?2, ?3, ?4, now()) on conflict do nothing""")
                    .setParameter(1, id).setParameter(2, due).setParameter(3, lead).setParameter(4, row[1]).executeUpdate();
            if (recorded == 0) {
                continue;
            }
            ReviewStatus to = lead == 0 ? ReviewStatus.DUE : ReviewStatus.UPCOMING;
            em.createNativeQuery("update plan_review set status = ?1, version = version + 1 where id = ?2")
                    .setParameter(1, to.name()).setParameter(2, id).executeUpdate();
            outbox.publishFor((String) row[1], ReviewEvents.DUE, plan,
                    new Announcement(id, plan, ((Number) row[4]).intValue(), due, ChronoUnit.DAYS.between(today, due)));
            published++;
        }
        return published;
    }

    private int advance(ReviewStatus from, ReviewStatus to, String window, LocalDate upTo, LocalDate after, EventType<Announcement> event,
                        LocalDate today) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, tenant_id, plan_id, due_on, sequence from plan_review"
                        + " where status = ?3 and " + window + " order by due_on limit 500 for update skip locked")
                .setParameter(1, upTo).setParameter(2, after).setParameter(3, from.name()).getResultList();
        for (Object[] row : rows) {
            UUID id = (UUID) row[0];
            UUID plan = (UUID) row[2];
            LocalDate due = day(row[3]);
            em.createNativeQuery("update plan_review set status = ?1, version = version + 1 where id = ?2")
                    .setParameter(1, to.name()).setParameter(2, id).executeUpdate();
            outbox.publishFor((String) row[1], event, plan,
                    new Announcement(id, plan, ((Number) row[4]).intValue(), due, ChronoUnit.DAYS.between(today, due)));
        }
        return rows.size();
    }

    private static LocalDate day(Object column) {
        return column instanceof LocalDate day ? day : ((java.sql.Date) column).toLocalDate();
    }

    private boolean isParty(PlanReview review) {
        return caller.organisation()
                .filter(org -> org.equals(review.vendorOrganisationId) || org.equals(review.partnerOrganisationId)).isPresent();
    }

    private List<ReviewView> of(UUID planId) {
        return em.createQuery("from PlanReview r where r.planId = ?1 order by r.dueOn", PlanReview.class)
                .setParameter(1, planId).getResultStream().map(ReviewView::of).toList();
    }

    /** Data of review.scheduled. */
    /** What the calendar reads of plan.agreed: the plan its schedule is built for. */
    public record AgreedPlan(UUID id, UUID vendorOrganisationId, UUID partnerOrganisationId, LocalDate horizonStart,
                             LocalDate horizonEnd, String reviewCadence) {
        public AgreedPlan {
            IncomingEvent.required(id, "id");
            IncomingEvent.required(vendorOrganisationId, "vendorOrganisationId");
            IncomingEvent.required(partnerOrganisationId, "partnerOrganisationId");
            IncomingEvent.required(horizonStart, "horizonStart");
            IncomingEvent.required(horizonEnd, "horizonEnd");
        }
    }

    /** What the calendar reads of review.completed: which plan, which held review, and which occurrence it names. */
    record ReviewHeld(UUID planId, UUID reviewId, LocalDate heldOn, UUID scheduledReviewId) {
        ReviewHeld {
            IncomingEvent.required(planId, "planId");
            IncomingEvent.required(reviewId, "reviewId");
        }
    }

    public record ScheduleView(UUID planId, List<ReviewView> reviews) {
    }

    /** Data of review.due and review.overdue; {@code daysUntilDue} is negative once past. */
    public record Announcement(UUID reviewId, UUID planId, int sequence, LocalDate dueOn, long daysUntilDue) {
    }
}
