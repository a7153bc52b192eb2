package io.partnerplan.plan.milestone;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.persistence.EntityManager;

import io.partnerplan.platform.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Checklist milestones resolve here once their due date has passed (the whole due day counts): a
 * checklist with every item done is met, any other is missed, so the milestone is achieved or missed
 * (milestone.achieved/missed once, investments unlocked, an escalation raised for a miss). A checklist
 * whose items are all ticked earlier is met at once. Only plans in effect (agreed, active, in review) are
 * judged, as kpi-service judges KPI criteria: a draft's due dates are decided once it is agreed. Safe with
 * replicas: each tenant's due milestones are claimed with {@code FOR UPDATE SKIP LOCKED}, and a decided one
 * is never claimed again.
 */
@ApplicationScoped
public class ChecklistDueDates {

    private final EntityManager em;
    private final Milestones milestones;
    private final Caller caller;
    private final Clock clock;

    public ChecklistDueDates(EntityManager em, Milestones milestones, Caller caller, Clock clock) {
        this.em = em;
        this.milestones = milestones;
        this.caller = caller;
        this.clock = clock;
    }

    @Scheduled(every = "${partnerplan.milestones.check-interval:60s}", delayed = "15s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        decideDue(LocalDate.now(clock));
    }

    /** @return how many milestones were decided: every one due before {@code today}, across tenants */
    @ActivateRequestContext
    public int decideDue(LocalDate today) {
        @SuppressWarnings("unchecked")
        List<String> tenants = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                        select distinct tenant_id from milestone
                        where status in ('PENDING', 'AT_RISK') and due_on < ?1
                          and criteria @> '[{"kind": "CHECKLIST", "state": "ON_TRACK"}]'
                          and not exists (select 1 from plan p where p.id = milestone.plan_id and p.status in ('DRAFT', 'PROPOSED', 'CLOSED', 'RENEWED'))""")
                .setParameter(1, today).getResultList());
        int decided = 0;
        for (String tenant : tenants) {
            caller.actAsTenant(tenant);
            decided += QuarkusTransaction.requiringNew().call(() -> decideTenant(tenant, today));
        }
        return decided;
    }

    private int decideTenant(String tenant, LocalDate today) {
        @SuppressWarnings("unchecked")
        List<Milestone> due = em.createNativeQuery("""
                        select * from milestone
                        where tenant_id = ?1 and status in ('PENDING', 'AT_RISK') and due_on < ?2
                          and criteria @> '[{"kind": "CHECKLIST", "state": "ON_TRACK"}]'
                          -- only a plan in effect is judged: a draft's milestones are a proposal (decided once it is agreed),
                          -- a closed or renewed plan's stay as they were
                          and not exists (select 1 from plan p where p.id = milestone.plan_id and p.status in ('DRAFT', 'PROPOSED', 'CLOSED', 'RENEWED'))
                        order by due_on limit 200 for update skip locked""", Milestone.class)
                .setParameter(1, tenant).setParameter(2, today).getResultList();
        due.forEach(milestones::checklistsDue);
        return due.size();
    }

    /** Checklist criteria decided: met with every item done, missed otherwise; KPI criteria untouched. */
    static List<Criterion> decided(List<Criterion> criteria) {
        return criteria.stream().map(c -> c.kind() != CriterionKind.CHECKLIST ? c
                : c.withState(c.items().stream().allMatch(Criterion.Item::done) ? CriterionState.MET : CriterionState.MISSED,
                        c.items().stream().allMatch(Criterion.Item::done) ? null : "not every item was done by the due date"))
                .toList();
    }
}
