package io.partnerplan.plan.escalation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.persistence.EntityManager;

import io.partnerplan.plan.member.PlanRole;
import io.partnerplan.platform.events.Outbox;
import io.partnerplan.platform.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Climbs escalations nobody acknowledged in time, one level per missed deadline. Safe with replicas:
 * each tenant's due escalations are claimed with {@code FOR UPDATE SKIP LOCKED}, and a climbed one
 * has a later deadline, so no level is climbed twice. After downtime it catches up level by level.
 */
@ApplicationScoped
public class EscalationLadder {

    private final EntityManager em;
    private final Escalations escalations;
    private final Outbox outbox;
    private final Caller caller;
    private final Clock clock;

    public EscalationLadder(EntityManager em, Escalations escalations, Outbox outbox, Caller caller, Clock clock) {
        this.em = em;
        this.escalations = escalations;
        this.outbox = outbox;
        this.caller = caller;
        this.clock = clock;
    }

    @Scheduled(every = "${partnerplan.escalations.check-interval:60s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        climbDue();
    }

    /**
     * Climbs, across tenants, every escalation whose deadline passed by the clock's now. Each tenant
     * in its own transaction, so entities are read and written in that tenant's session.
     *
     * @return how many levels were climbed
     */
    @ActivateRequestContext
    public int climbDue() {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<String> tenants = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                        select distinct tenant_id from escalation
                        where status = 'RAISED' and level < level_count and acknowledge_by <= ?1""")
                .setParameter(1, now).getResultList());
        int climbed = 0;
        for (String tenant : tenants) {
            caller.actAsTenant(tenant);
            climbed += QuarkusTransaction.requiringNew().call(() -> climbTenant(tenant, now));
        }
        return climbed;
    }

    private int climbTenant(String tenant, Instant now) {
        @SuppressWarnings("unchecked")
        List<Escalation> due = em.createNativeQuery("""
                        select * from escalation
                        where tenant_id = ?1 and status = 'RAISED' and level < level_count and acknowledge_by <= ?2
                        order by acknowledge_by limit 200 for update skip locked""", Escalation.class)
                .setParameter(1, tenant).setParameter(2, now).getResultList();
        int climbed = 0;
        for (Escalation e : due) {
            List<Instant> deadlines = EscalationRules.climbs(e.level, e.acknowledgeBy, e.levels, now);
            Map<String, PlanRole> members = escalations.membersOf(tenant, e.planId);
            for (Instant deadline : deadlines) {
                EscalationLevel next = e.levels.get(e.level); // 1-based level: the next one's index
                e.level++;
                e.acknowledgeBy = deadline;
                e.recipients = EscalationRules.recipients(next, members);
                e.roles = EscalationRules.roleNames(next);
                em.flush();
                outbox.publish(EscalationEvents.CLIMBED, e.planId, EscalationView.of(e));
                climbed++;
            }
        }
        return climbed;
    }
}
