package io.partnerplan.kpi.target;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;


import io.partnerplan.kpi.criterion.Criteria;
import io.partnerplan.kpi.definition.KpiDefinition;
import io.partnerplan.kpi.plan.TrackedPlan;
import io.partnerplan.kpi.attainment.Attainment;
import io.partnerplan.kpi.attainment.Decimals;
import io.partnerplan.kpi.attainment.Observations;
import io.partnerplan.platform.events.Outbox;

/**
 * A period of a partnership closed: its plans' criteria whose window ended are decided, and each
 * target of the period is judged once ({@code target_period_close} remembers it) and announced
 * with {@code kpi.target.missed} when below 100%.
 */
@ApplicationScoped
public class PeriodClose {

    private static final BigDecimal FULL = BigDecimal.valueOf(100);

    private final EntityManager em;
    private final Criteria criteria;
    private final Observations observations;
    private final Outbox outbox;

    public PeriodClose(EntityManager em, Criteria criteria, Observations observations, Outbox outbox) {
        this.em = em;
        this.criteria = criteria;
        this.observations = observations;
        this.outbox = outbox;
    }

    public record TargetMissed(UUID planId, String kpi, String period, LocalDate start, LocalDate end, String target,
                               String actual, String attainment) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void closed(UUID vendor, UUID partner, LocalDate periodEnd, LocalDate today) {
        List<TrackedPlan> plans = em.createQuery("""
                        from TrackedPlan where vendorOrganisationId = ?1 and partnerOrganisationId = ?2
                        and status in ('AGREED', 'ACTIVE', 'IN_REVIEW') and horizonStart <= ?3""", TrackedPlan.class)
                .setParameter(1, vendor).setParameter(2, partner).setParameter(3, periodEnd).getResultList();
        for (TrackedPlan plan : plans) {
            criteria.periodClosed(plan.planId, periodEnd, today);
            List<TargetSet> sets = em.createQuery("from TargetSet where planId = ?1", TargetSet.class)
                    .setParameter(1, plan.planId).getResultList();
            for (TargetSet set : sets) {
                for (TargetPeriod period : set.periods) {
                    if (period.end().equals(periodEnd)) {
                        judge(plan, set, period);
                    }
                }
            }
        }
    }

    private void judge(TrackedPlan plan, TargetSet set, TargetPeriod period) {
        KpiDefinition kpi = em.find(KpiDefinition.class, set.kpiId);
        var values = observations.of(plan.planId, kpi.id, period.start(), period.end());
        BigDecimal actual = Attainment.actual(kpi.aggregation, values);
        BigDecimal percent = Attainment.percent(kpi.direction, actual, period.target());
        int first = em.createNativeQuery("""
                        insert into target_period_close (tenant_id, plan_id, kpi_id, period_start, actual, attainment, closed_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, now()) on conflict do nothing""")
                .setParameter(1, plan.tenantId).setParameter(2, plan.planId).setParameter(3, kpi.id)
                .setParameter(4, period.start()).setParameter(5, actual).setParameter(6, percent).executeUpdate();
        if (first == 1 && (percent == null || percent.compareTo(FULL) < 0)) {
            outbox.publish(TargetEvents.MISSED, plan.planId, new TargetMissed(plan.planId, kpi.key, period.label(),
                    period.start(), period.end(), Decimals.plain(period.target()), Decimals.plain(actual), Decimals.plain(percent)));
        }
    }

}
