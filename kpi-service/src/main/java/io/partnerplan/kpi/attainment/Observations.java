package io.partnerplan.kpi.attainment;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.partnerplan.platform.security.Caller;

/** Reads measured values as observations: per day they count for, current values (corrections applied). */
@ApplicationScoped
public class Observations {

    private final KpiDays days;
    private final Caller caller;

    public Observations(KpiDays days, Caller caller) {
        this.days = days;
        this.caller = caller;
    }

    /** A plan's values of one KPI from {@code from} to {@code to} inclusive, oldest first, one per day. */
    public List<Observation> of(UUID plan, UUID kpi, LocalDate from, LocalDate to) {
        return byKpi(plan, List.of(kpi), from, to).getOrDefault(kpi, List.of());
    }

    /** Several KPIs' values in one go, by KPI: one observation per day, read from the days kept (never the raw values). */
    public Map<UUID, List<Observation>> byKpi(UUID plan, List<UUID> kpis, LocalDate from, LocalDate to) {
        return days.byKpi(caller.requireTenant(), plan, kpis, from, to);
    }
}
