package io.partnerplan.kpi.scorecard;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.partnerplan.platform.security.Caller;

/** Reads measured values as observations: the day each counts for and its current value (corrections applied). */
@ApplicationScoped
public class Observations {

    private final EntityManager em;
    private final Caller caller;

    public Observations(EntityManager em, Caller caller) {
        this.em = em;
        this.caller = caller;
    }

    /** A plan's values of one KPI from {@code from} to {@code to} inclusive, oldest first, in reporting order within a day. */
    public List<Observation> of(UUID plan, UUID kpi, LocalDate from, LocalDate to) {
        return byKpi(plan, List.of(kpi), from, to).getOrDefault(kpi, List.of());
    }

    /** Several KPIs' values in one statement, by KPI. */
    public Map<UUID, List<Observation>> byKpi(UUID plan, List<UUID> kpis, LocalDate from, LocalDate to) {
        Map<UUID, List<Observation>> result = new java.util.HashMap<>();
        if (kpis.isEmpty()) {
            return result;
        }
        // Native: explicit tenant predicate (the discriminator filter applies to HQL only).
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select kpi_id, occurred_on, value from measurement
                        where tenant_id = ?1 and plan_id = ?2 and kpi_id in (?3) and occurred_on between ?4 and ?5
                        order by occurred_on, recorded_at, id""")
                .setParameter(1, caller.requireTenant()).setParameter(2, plan).setParameter(3, kpis)
                .setParameter(4, from).setParameter(5, to).getResultList();
        for (Object[] row : rows) {
            LocalDate on = row[1] instanceof LocalDate d ? d : ((Date) row[1]).toLocalDate();
            result.computeIfAbsent((UUID) row[0], k -> new ArrayList<>()).add(new Observation(on, (BigDecimal) row[2]));
        }
        return result;
    }
}
