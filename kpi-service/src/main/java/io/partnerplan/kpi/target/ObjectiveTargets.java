package io.partnerplan.kpi.target;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.partnerplan.kpi.definition.Aggregation;
import io.partnerplan.kpi.period.PlanPeriod;

/**
 * Lays the targets of agreed objectives onto the periods the plan is measured in (the agreed MOP's
 * periods, else the horizon's quarters). An objective's span need not be one of those periods: a
 * half-year, a calendar quarter across two MOP periods, two months of a quarter.
 *
 * <ul>
 * <li>A <b>sum</b> (revenue, deals) is split by days: each period gets the share of the objective's target
 * for the objective's days inside it (4 decimals; the last period takes what rounding left, so the
 * parts add up to the agreed figure). Objectives of one KPI reaching into one period add up there.</li>
 * <li>A <b>level</b> (a last count, an average, a derived ratio) is not split: every period the objective
 * reaches gets its target; where several objectives of one KPI reach into a period, the one covering
 * more of its days wins (on a tie, the later one).</li>
 * <li>An objective outside every period sets nothing.</li>
 * </ul>
 */
public final class ObjectiveTargets {

    /** One measure of an agreed objective: the KPI, the objective's span (both days inclusive) and its target. */
    public record Measure(String kpi, LocalDate start, LocalDate end, BigDecimal target) {
    }

    private ObjectiveTargets() {
    }

    /**
     * @param aggregationOf the KPI's aggregation; null for a derived KPI (a level)
     * @return per KPI, the targets by period start, only for the periods the measures reach
     */
    public static Map<String, Map<LocalDate, TargetPeriod>> onPeriods(List<Measure> measures, List<PlanPeriod> periods,
                                                                      java.util.function.Function<String, Aggregation> aggregationOf) {
        Map<String, Map<LocalDate, BigDecimal>> sums = new TreeMap<>();
        Map<String, Map<LocalDate, Level>> levels = new TreeMap<>();
        for (Measure m : measures) {
            if (m.end().isBefore(m.start())) {
                continue;
            }
            List<PlanPeriod> reached = new ArrayList<>();
            List<Long> overlaps = new ArrayList<>();
            for (PlanPeriod p : periods) {
                long days = overlap(m.start(), m.end(), p.start(), p.end());
                if (days > 0) {
                    reached.add(p);
                    overlaps.add(days);
                }
            }
            if (reached.isEmpty()) {
                continue;
            }
            if (aggregationOf.apply(m.kpi()) == Aggregation.SUM) {
                long span = ChronoUnit.DAYS.between(m.start(), m.end()) + 1;
                long inPeriods = overlaps.stream().mapToLong(Long::longValue).sum();
                // Days of the objective outside every period (beyond the horizon) take their share with them.
                BigDecimal covered = inPeriods == span ? m.target() : share(m.target(), inPeriods, span);
                BigDecimal left = covered;
                Map<LocalDate, BigDecimal> byStart = sums.computeIfAbsent(m.kpi(), k -> new TreeMap<>());
                for (int i = 0; i < reached.size(); i++) {
                    BigDecimal part = i == reached.size() - 1 ? left : share(m.target(), overlaps.get(i), span);
                    left = left.subtract(part);
                    byStart.merge(reached.get(i).start(), part, BigDecimal::add);
                }
            } else {
                Map<LocalDate, Level> byStart = levels.computeIfAbsent(m.kpi(), k -> new TreeMap<>());
                for (int i = 0; i < reached.size(); i++) {
                    Level candidate = new Level(m.target(), overlaps.get(i), m.start());
                    byStart.merge(reached.get(i).start(), candidate, (a, b) -> b.beats(a) ? b : a);
                }
            }
        }
        Map<String, Map<LocalDate, TargetPeriod>> result = new TreeMap<>();
        Map<LocalDate, PlanPeriod> periodByStart = new TreeMap<>();
        periods.forEach(p -> periodByStart.put(p.start(), p));
        sums.forEach((kpi, byStart) -> byStart.forEach((start, target) -> put(result, kpi, periodByStart.get(start), target)));
        levels.forEach((kpi, byStart) -> byStart.forEach((start, level) -> put(result, kpi, periodByStart.get(start), level.target())));
        return result;
    }

    private static void put(Map<String, Map<LocalDate, TargetPeriod>> result, String kpi, PlanPeriod period, BigDecimal target) {
        result.computeIfAbsent(kpi, k -> new TreeMap<>())
                .put(period.start(), new TargetPeriod(period.label(), period.start(), period.end(), plain(target)));
    }

    /** Without trailing zeros, never in exponent form (62000, not 6.2E+4). */
    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private record Level(BigDecimal target, long days, LocalDate objectiveStart) {
        boolean beats(Level other) {
            return days != other.days ? days > other.days : !objectiveStart.isBefore(other.objectiveStart);
        }
    }

    private static BigDecimal share(BigDecimal target, long days, long span) {
        return target.multiply(BigDecimal.valueOf(days)).divide(BigDecimal.valueOf(span), 4, RoundingMode.HALF_UP);
    }

    /** Days both spans share, both ends inclusive; 0 when they do not meet. */
    static long overlap(LocalDate aStart, LocalDate aEnd, LocalDate bStart, LocalDate bEnd) {
        LocalDate from = aStart.isAfter(bStart) ? aStart : bStart;
        LocalDate to = aEnd.isBefore(bEnd) ? aEnd : bEnd;
        return to.isBefore(from) ? 0 : ChronoUnit.DAYS.between(from, to) + 1;
    }
}
