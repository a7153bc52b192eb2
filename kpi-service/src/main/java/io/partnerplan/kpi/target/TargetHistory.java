package io.partnerplan.kpi.target;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Every value a KPI's target had for a period of a plan, and since when ({@code target_revision}). A
 * period that ended is judged against the target in force at its end: an amendment accepted later
 * changes the plan's targets, not what a period already closed (and a review held on it) was held to.
 */
@ApplicationScoped
public class TargetHistory {

    private final EntityManager em;

    public TargetHistory(EntityManager em) {
        this.em = em;
    }

    /** Records each period of {@code after} whose target is new or differs from {@code before}. */
    @Transactional(Transactional.TxType.MANDATORY)
    void changed(TargetSet set, List<TargetPeriod> before, List<TargetPeriod> after, Instant at, String by) {
        Map<LocalDate, BigDecimal> previous = new HashMap<>();
        before.forEach(p -> previous.put(p.start(), p.target()));
        for (TargetPeriod p : after) {
            BigDecimal was = previous.get(p.start());
            if (was != null && was.compareTo(p.target()) == 0) {
                continue;
            }
            em.createNativeQuery("""
                            insert into target_revision (tenant_id, plan_id, kpi_id, period_start, period_end, target, set_at, set_by)
                            values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)""")
                    .setParameter(1, set.tenantId).setParameter(2, set.planId).setParameter(3, set.kpiId)
                    .setParameter(4, p.start()).setParameter(5, p.end()).setParameter(6, p.target())
                    .setParameter(7, at).setParameter(8, by).executeUpdate();
        }
    }

    /**
     * Per KPI key, the target in force for the plan's period when it ended (the last one set before the
     * day after its end, UTC); a target first set after the period ended counts from then (the earliest).
     */
    public Map<String, BigDecimal> inForceAtEnd(String tenant, UUID planId, LocalDate periodStart, LocalDate periodEnd) {
        Instant ended = periodEnd.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select distinct on (r.kpi_id) d.key, r.target from target_revision r
                        join kpi_definition d on d.id = r.kpi_id and d.tenant_id = r.tenant_id
                        where r.tenant_id = ?1 and r.plan_id = ?2 and r.period_start = ?3
                        order by r.kpi_id, (r.set_at < ?4) desc,
                                 case when r.set_at < ?4 then -extract(epoch from r.set_at) else extract(epoch from r.set_at) end""")
                .setParameter(1, tenant).setParameter(2, planId).setParameter(3, periodStart).setParameter(4, ended)
                .getResultList();
        Map<String, BigDecimal> result = new HashMap<>();
        rows.forEach(r -> result.put((String) r[0], (BigDecimal) r[1]));
        return result;
    }
}
