package io.partnerplan.kpi.criterion;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.partnerplan.kpi.definition.Aggregation;
import io.partnerplan.kpi.definition.Direction;
import io.partnerplan.kpi.attainment.Observation;

class CriterionJudgementTest {

    private static final LocalDate START = LocalDate.parse("2027-02-01");
    private static final LocalDate END = LocalDate.parse("2027-04-30");
    private static final BigDecimal THRESHOLD = new BigDecimal("200000");

    private static CriterionJudgement judge(Aggregation aggregation, Direction direction, List<Observation> values,
                                            String today, boolean closed) {
        return CriterionJudgement.of(aggregation, direction, THRESHOLD, START, END, values, LocalDate.parse(today), closed);
    }

    private static List<Observation> values(String... pairs) {
        return java.util.stream.IntStream.range(0, pairs.length / 2)
                .mapToObj(i -> new Observation(LocalDate.parse(pairs[2 * i]), new BigDecimal(pairs[2 * i + 1]))).toList();
    }

    @Test
    void aSumBehindItsPaceIsAtRiskAndOneThatReachesTheThresholdIsMetEarly() {
        // 40k after 59 days of 89: forecast 60,339 < 200k
        CriterionJudgement behind = judge(Aggregation.SUM, Direction.HIGHER_IS_BETTER,
                values("2027-02-10", "40000"), "2027-03-31", false);
        assertThat(behind.state()).isEqualTo(CriterionState.AT_RISK);
        assertThat(behind.reason()).contains("forecast 60338.98").contains("200000");

        CriterionJudgement ahead = judge(Aggregation.SUM, Direction.HIGHER_IS_BETTER,
                values("2027-02-10", "120000"), "2027-02-28", false);
        assertThat(ahead.state()).isEqualTo(CriterionState.ON_TRACK);

        CriterionJudgement reached = judge(Aggregation.SUM, Direction.HIGHER_IS_BETTER,
                values("2027-02-10", "120000", "2027-03-01", "80000"), "2027-03-02", false);
        assertThat(reached.state()).isEqualTo(CriterionState.MET);
    }

    @Test
    void whenTheWindowClosesItIsMetOrMissedOnTheActual() {
        assertThat(judge(Aggregation.SUM, Direction.HIGHER_IS_BETTER, values("2027-02-10", "150000"), "2027-05-01", true)
                .state()).isEqualTo(CriterionState.MISSED);
        // A cap not to exceed (lower is better) is only known at the end.
        assertThat(judge(Aggregation.LAST, Direction.LOWER_IS_BETTER, values("2027-02-10", "150000"), "2027-03-01", false)
                .state()).isEqualTo(CriterionState.ON_TRACK);
        assertThat(judge(Aggregation.LAST, Direction.LOWER_IS_BETTER, values("2027-02-10", "150000"), "2027-05-01", true)
                .state()).isEqualTo(CriterionState.MET);
        assertThat(judge(Aggregation.LAST, Direction.LOWER_IS_BETTER, values("2027-02-10", "250000"), "2027-05-01", false)
                .state()).isEqualTo(CriterionState.MISSED);
    }

    @Test
    void nothingMeasuredIsNotYetAtRisk() {
        assertThat(judge(Aggregation.SUM, Direction.HIGHER_IS_BETTER, List.of(), "2027-03-01", false).state())
                .isEqualTo(CriterionState.ON_TRACK);
    }
}
