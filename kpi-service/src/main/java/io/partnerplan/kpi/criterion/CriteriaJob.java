package io.partnerplan.kpi.criterion;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.partnerplan.platform.security.Caller;
import io.quarkus.scheduler.Scheduled;

/**
 * Decides criteria whose window has passed without a period.closed covering it (a window that ends
 * mid-period, a plan without an agreed MOP). Each tenant in its own transaction; rows are locked
 * while judged, and decided ones are no longer open, so replicas cannot decide one twice.
 */
@ApplicationScoped
public class CriteriaJob {

    private final EntityManager em;
    private final Criteria criteria;
    private final Caller caller;
    private final Clock clock;

    public CriteriaJob(EntityManager em, Criteria criteria, Caller caller, Clock clock) {
        this.em = em;
        this.criteria = criteria;
        this.caller = caller;
        this.clock = clock;
    }

    @Scheduled(every = "${partnerplan.criteria.check-interval:60s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        closeWindows(LocalDate.now(clock));
    }

    /** @return how many criteria were decided */
    @ActivateRequestContext
    public int closeWindows(LocalDate today) {
        int decided = 0;
        for (String tenant : tenantsWithPassedWindows(today)) {
            caller.actAsTenant(tenant);
            decided += criteria.windowsPassed(today);
        }
        return decided;
    }

    @Transactional
    List<String> tenantsWithPassedWindows(LocalDate today) {
        @SuppressWarnings("unchecked")
        List<String> tenants = em.createNativeQuery("""
                select distinct tenant_id from milestone_criterion
                where state in ('ON_TRACK', 'AT_RISK') and window_end < ?1""").setParameter(1, today).getResultList();
        return tenants;
    }
}
