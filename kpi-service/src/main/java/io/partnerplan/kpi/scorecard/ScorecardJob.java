package io.partnerplan.kpi.scorecard;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;


import io.partnerplan.platform.security.Caller;
import io.quarkus.scheduler.Scheduled;

/**
 * Announces the scorecards of plans marked changed: every {@code partnerplan.scorecard.interval}, each
 * marked plan whose last announcement is at least {@code partnerplan.scorecard.spacing} old gets one
 * summary covering all its changes since. Replica-safe: a plan is computed under a per-plan advisory
 * lock that other replicas skip (see {@link ScorecardChanges#announceIfDue}).
 */
@ApplicationScoped
public class ScorecardJob {

    private static final int ROUND = 500;

    private final EntityManager em;
    private final ScorecardChanges changes;
    private final Caller caller;
    private final Clock clock;
    private final Duration spacing;

    public ScorecardJob(EntityManager em, ScorecardChanges changes, Caller caller, Clock clock,
                        ScorecardSettings settings) {
        this.em = em;
        this.changes = changes;
        this.caller = caller;
        this.clock = clock;
        this.spacing = settings.spacing();
    }

    @Scheduled(every = "${partnerplan.scorecard.interval:1s}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        announceDue();
    }

    /**
     * As days pass, a period's forecast, RAG and the current period itself move without any change of
     * values: once a day every active plan is marked, so the summaries and the portfolio follow. Marks are
     * idempotent (two replicas marking both is still one summary per plan).
     */
    @Scheduled(cron = "${partnerplan.scorecard.daily-refresh:0 5 0 * * ?}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void newDay() {
        markActivePlans();
    }

    /** @return how many plans were marked */
    @Transactional
    public int markActivePlans() {
        return em.createNativeQuery("""
                        insert into scorecard_dirty (tenant_id, plan_id, marked_at)
                        select tenant_id, plan_id, ?1 from tracked_plan
                        where status = 'ACTIVE' and horizon_start <= ?2 and horizon_end >= ?3""")
                .setParameter(1, clock.instant()).setParameter(2, java.time.LocalDate.now(clock))
                .setParameter(3, java.time.LocalDate.now(clock).minusDays(1)).executeUpdate();
    }

    /** @return how many plans' summaries were announced */
    @ActivateRequestContext
    public int announceDue() {
        int announced = 0;
        for (Object[] due : duePlans()) {
            if (announce((String) due[0], (UUID) due[1])) {
                announced++;
            }
        }
        return announced;
    }

    /** One plan's turn: announced if it was marked and its last announcement is a spacing old. */
    @ActivateRequestContext
    public boolean announce(String tenant, UUID planId) {
        caller.actAsTenant(tenant);
        return changes.announceIfDue(planId, spacing);
    }

    @Transactional
    List<Object[]> duePlans() {
        @SuppressWarnings("unchecked")
        List<Object[]> due = em.createNativeQuery("""
                        select distinct d.tenant_id, d.plan_id from scorecard_dirty d
                        left join scorecard_announced a on a.plan_id = d.plan_id
                        where a.announced_at is null or a.announced_at <= ?1
                        limit ?2""")
                .setParameter(1, clock.instant().minus(spacing)).setParameter(2, ROUND).getResultList();
        return due;
    }
}
