package io.partnerplan.kpi.attainment;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;

import io.partnerplan.kpi.definition.Aggregation;
import io.partnerplan.kpi.definition.Direction;

/**
 * The arithmetic of "how are we doing": a KPI's value over a window as its aggregation combines it,
 * the share of a target that value reaches, the run-rate forecast to the window's end and the RAG.
 * Pure computation, no database: the scorecard and the milestone criteria both use it.
 */
public final class Attainment {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final MathContext MATH = MathContext.DECIMAL64;

    private Attainment() {
    }

    /**
     * A window's value: SUM adds (0 when nothing was measured), LAST takes the latest, AVERAGE the mean of
     * every value measured (a day of several values weighs by their number).
     */
    public static BigDecimal actual(Aggregation aggregation, Collection<Observation> observations) {
        if (observations.isEmpty()) {
            return aggregation == Aggregation.SUM ? BigDecimal.ZERO : null;
        }
        return switch (aggregation) {
            case SUM -> observations.stream().map(Observation::value).reduce(BigDecimal.ZERO, BigDecimal::add);
            // Ties on the same day: the last one reported (the collection's order) wins.
            case LAST -> observations.stream().reduce((a, b) -> b.on().isBefore(a.on()) ? a : b).orElseThrow().last();
            case AVERAGE -> {
                long count = observations.stream().mapToLong(Observation::count).sum();
                yield count == 0 ? null : observations.stream().map(Observation::value).reduce(BigDecimal.ZERO, BigDecimal::add)
                        .divide(BigDecimal.valueOf(count), MATH);
            }
        };
    }

    /**
     * Where the window ends up at the current pace. Only sums have a pace: the value so far scaled by
     * the window's days over the days elapsed (the day {@code asOf} included). A level (LAST, AVERAGE)
     * is forecast to stay where it is; a window that is over is its actual.
     */
    public static BigDecimal forecast(Aggregation aggregation, BigDecimal actual, LocalDate start, LocalDate end, LocalDate asOf) {
        if (actual == null || aggregation != Aggregation.SUM || !asOf.isBefore(end)) {
            return actual;
        }
        if (asOf.isBefore(start)) {
            return actual;
        }
        long total = ChronoUnit.DAYS.between(start, end) + 1;
        long elapsed = ChronoUnit.DAYS.between(start, asOf) + 1;
        return actual.multiply(BigDecimal.valueOf(total)).divide(BigDecimal.valueOf(elapsed), MATH);
    }

    /**
     * The share of the target reached, in percent with one decimal. Higher-is-better: value / target;
     * lower-is-better: target / value (half the allowed days to close is 200%). Null without a value
     * or a target. A zero target is met in full by any non-negative value.
     */
    public static BigDecimal percent(Direction direction, BigDecimal value, BigDecimal target) {
        if (value == null || target == null) {
            return null;
        }
        if (direction == Direction.HIGHER_IS_BETTER) {
            if (target.signum() == 0) {
                return value.signum() >= 0 ? HUNDRED.setScale(1) : BigDecimal.ZERO.setScale(1);
            }
            return value.multiply(HUNDRED).divide(target, 1, RoundingMode.HALF_UP);
        }
        // Lower is better: nothing at all against a positive allowance meets it in full.
        if (value.signum() <= 0) {
            return HUNDRED.setScale(1);
        }
        return target.multiply(HUNDRED).divide(value, 1, RoundingMode.HALF_UP);
    }

    /** GREEN at or above {@code greenAt} percent, AMBER at or above {@code amberAt}, RED below. */
    public static Rag rag(BigDecimal percent, BigDecimal greenAt, BigDecimal amberAt) {
        if (percent == null) {
            return null;
        }
        if (percent.compareTo(greenAt) >= 0) {
            return Rag.GREEN;
        }
        return percent.compareTo(amberAt) >= 0 ? Rag.AMBER : Rag.RED;
    }

    /** Whether a value satisfies a threshold in the KPI's direction. */
    public static boolean satisfies(Direction direction, BigDecimal value, BigDecimal threshold) {
        if (value == null) {
            return false;
        }
        int cmp = value.compareTo(threshold);
        return direction == Direction.HIGHER_IS_BETTER ? cmp >= 0 : cmp <= 0;
    }
}
