package io.partnerplan.kpi.attainment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.partnerplan.kpi.definition.Aggregation;
import io.partnerplan.kpi.definition.Formula;

/**
 * A KPI's value over a window: a measured KPI aggregates its observations; a derived KPI applies its
 * formula to its inputs' values over the same window (inputs may be derived too).
 */
public interface Meter {

    /** The value from {@code from} to {@code to} inclusive; null when there is none. */
    BigDecimal actual(LocalDate from, LocalDate to);

    /** Where the window {@code start..end} ends up at the pace seen up to {@code asOf}. */
    BigDecimal forecast(LocalDate start, LocalDate end, LocalDate asOf);

    /**
     * Values sorted by day (as {@link KpiDays} reads them; sorted here otherwise, ties kept in order): a window
     * is found by binary search and aggregated as a view of the list, so a scorecard's forty-odd windows per
     * KPI cost their own days, not forty scans of five years.
     */
    static Meter measured(Aggregation aggregation, List<Observation> values) {
        List<Observation> byDay = sortedByDay(values);
        return new Meter() {
            @Override
            public BigDecimal actual(LocalDate from, LocalDate to) {
                if (to.isBefore(from)) {
                    return Attainment.actual(aggregation, List.of());
                }
                return Attainment.actual(aggregation, byDay.subList(firstFrom(byDay, from, false), firstFrom(byDay, to, true)));
            }

            @Override
            public BigDecimal forecast(LocalDate start, LocalDate end, LocalDate asOf) {
                LocalDate upTo = asOf.isBefore(end) ? asOf : end;
                return Attainment.forecast(aggregation, actual(start, upTo), start, end, asOf);
            }
        };
    }

    private static List<Observation> sortedByDay(List<Observation> values) {
        for (int i = 1; i < values.size(); i++) {
            if (values.get(i).on().isBefore(values.get(i - 1).on())) {
                List<Observation> sorted = new java.util.ArrayList<>(values);
                sorted.sort(java.util.Comparator.comparing(Observation::on)); // stable: same-day order kept
                return sorted;
            }
        }
        return values;
    }

    /** Index of the first value on or after {@code day} (after it when {@code after}); the size when none. */
    private static int firstFrom(List<Observation> byDay, LocalDate day, boolean after) {
        int low = 0;
        int high = byDay.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            LocalDate on = byDay.get(mid).on();
            if (on.isBefore(day) || after && on.equals(day)) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** Inputs by KPI key; a missing input or a division by zero gives no value. */
    static Meter derived(Formula formula, Map<String, Meter> inputs) {
        return new Meter() {
            @Override
            public BigDecimal actual(LocalDate from, LocalDate to) {
                Map<String, BigDecimal> values = new HashMap<>();
                inputs.forEach((key, meter) -> values.put(key, meter.actual(from, to)));
                return formula.evaluate(values);
            }

            @Override
            public BigDecimal forecast(LocalDate start, LocalDate end, LocalDate asOf) {
                Map<String, BigDecimal> values = new HashMap<>();
                inputs.forEach((key, meter) -> values.put(key, meter.forecast(start, end, asOf)));
                return formula.evaluate(values);
            }
        };
    }

    /** The measured KPIs a KPI's value is computed from: itself if measured, else its formula's inputs', however deep. */
    static java.util.Set<java.util.UUID> measuredInputs(io.partnerplan.kpi.definition.KpiDefinition kpi,
                                                       Map<String, io.partnerplan.kpi.definition.KpiDefinition> library) {
        java.util.Set<java.util.UUID> ids = new java.util.HashSet<>();
        java.util.Deque<io.partnerplan.kpi.definition.KpiDefinition> todo = new java.util.ArrayDeque<>(List.of(kpi));
        java.util.Set<String> seen = new java.util.HashSet<>();
        while (!todo.isEmpty()) {
            var k = todo.poll();
            if (!seen.add(k.key)) {
                continue;
            }
            if (!k.derived()) {
                ids.add(k.id);
                continue;
            }
            for (String input : Formula.parse(k.formula).inputs()) {
                if (library.containsKey(input)) {
                    todo.add(library.get(input));
                }
            }
        }
        return ids;
    }

    /** A KPI's meter over values read for {@link #measuredInputs} (a derived KPI: its formula over its inputs' meters). */
    static Meter of(io.partnerplan.kpi.definition.KpiDefinition kpi, Map<String, io.partnerplan.kpi.definition.KpiDefinition> library,
                    Map<java.util.UUID, List<Observation>> values) {
        if (!kpi.derived()) {
            return measured(kpi.aggregation, values.getOrDefault(kpi.id, List.of()));
        }
        Formula formula = Formula.parse(kpi.formula);
        Map<String, Meter> inputs = new HashMap<>();
        for (String input : formula.inputs()) {
            inputs.put(input, of(library.get(input), library, values));
        }
        return derived(formula, inputs);
    }
}
