package io.partnerplan.kpi.criterion;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import io.partnerplan.kpi.definition.Aggregation;
import io.partnerplan.kpi.definition.Direction;
import io.partnerplan.kpi.attainment.Attainment;
import io.partnerplan.kpi.attainment.Observation;

/**
 * Judges a criterion on a day. A growing sum in the good direction is met the day it reaches the
 * threshold; anything else (a level, a cap not to exceed) is only known when the window is over.
 * While open, it is at risk when the run-rate forecast falls short.
 */
public record CriterionJudgement(CriterionState state, BigDecimal actual, BigDecimal forecast, String reason) {

    public static CriterionJudgement of(Aggregation aggregation, Direction direction, BigDecimal threshold,
                                        LocalDate windowStart, LocalDate windowEnd, List<Observation> observations,
                                        LocalDate asOf, boolean closed) {
        BigDecimal actual = Attainment.actual(aggregation, observations);
        BigDecimal forecast = Attainment.forecast(aggregation, actual, windowStart, windowEnd, asOf);
        return of(aggregation, direction, threshold, windowStart, windowEnd, actual, forecast, !observations.isEmpty(), asOf, closed);
    }

    /**
     * From a window's value and forecast already computed (a derived KPI's: its formula over its inputs');
     * {@code measured}: whether anything was measured in the window yet.
     */
    public static CriterionJudgement of(Aggregation aggregation, Direction direction, BigDecimal threshold,
                                        LocalDate windowStart, LocalDate windowEnd, BigDecimal actual, BigDecimal forecast,
                                        boolean measured, LocalDate asOf, boolean closed) {
        boolean over = closed || asOf.isAfter(windowEnd);
        boolean reached = Attainment.satisfies(direction, actual, threshold);
        String shown = threshold.stripTrailingZeros().toPlainString();
        if (over) {
            return reached
                    ? new CriterionJudgement(CriterionState.MET, actual, actual, "reached " + plain(actual) + " of " + shown)
                    : new CriterionJudgement(CriterionState.MISSED, actual, actual,
                            "window closed at " + plain(actual) + ", threshold " + shown);
        }
        if (reached && aggregation == Aggregation.SUM && direction == Direction.HIGHER_IS_BETTER) {
            return new CriterionJudgement(CriterionState.MET, actual, forecast, "reached " + plain(actual) + " of " + shown);
        }
        if (!asOf.isBefore(windowStart) && measured
                && !Attainment.satisfies(direction, forecast, threshold)) {
            return new CriterionJudgement(CriterionState.AT_RISK, actual, forecast,
                    "forecast " + plain(forecast) + " by " + windowEnd + " against threshold " + shown);
        }
        return new CriterionJudgement(CriterionState.ON_TRACK, actual, forecast,
                forecast == null ? "nothing measured yet" : "forecast " + plain(forecast) + " against threshold " + shown);
    }

    private static String plain(BigDecimal value) {
        return value == null ? "nothing" : value.setScale(2, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
