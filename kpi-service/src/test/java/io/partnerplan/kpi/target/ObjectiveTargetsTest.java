package io.partnerplan.kpi.target;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.partnerplan.kpi.definition.Aggregation;
import io.partnerplan.kpi.period.PlanPeriod;

/** Agreed objectives over spans that are not exactly one of the plan's periods, laid onto those periods. */
class ObjectiveTargetsTest {

    /** A MOP whose quarters end in April, July, October and January. */
    private static final List<PlanPeriod> MOP = List.of(
            new PlanPeriod("MOP Q1", LocalDate.parse("2027-02-01"), LocalDate.parse("2027-04-30")),
            new PlanPeriod("MOP Q2", LocalDate.parse("2027-05-01"), LocalDate.parse("2027-07-31")),
            new PlanPeriod("MOP Q3", LocalDate.parse("2027-08-01"), LocalDate.parse("2027-10-31")),
            new PlanPeriod("MOP Q4", LocalDate.parse("2027-11-01"), LocalDate.parse("2028-01-31")));

    private static final Map<String, Aggregation> LIBRARY = Map.of("revenue", Aggregation.SUM, "certified", Aggregation.LAST);

    private static ObjectiveTargets.Measure measure(String kpi, String start, String end, String target) {
        return new ObjectiveTargets.Measure(kpi, LocalDate.parse(start), LocalDate.parse(end), new BigDecimal(target));
    }

    /** Per KPI: "label=target" in period order. */
    private static Map<String, List<String>> laid(ObjectiveTargets.Measure... measures) {
        return ObjectiveTargets.onPeriods(List.of(measures), MOP, LIBRARY::get).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().values().stream()
                        .map(p -> p.label() + "=" + p.target().toPlainString()).toList()));
    }

    @Test
    void anObjectiveOnExactlyOnePeriodSetsThatPeriod() {
        assertThat(laid(measure("revenue", "2027-05-01", "2027-07-31", "250000")))
                .isEqualTo(Map.of("revenue", List.of("MOP Q2=250000")));
    }

    @Test
    void aSumOverSeveralWholePeriodsIsSplitByDaysAndTheSharesAddUpToTheAgreedFigure() {
        // The second half: 92 + 92 days.
        assertThat(laid(measure("revenue", "2027-08-01", "2028-01-31", "999999")))
                .isEqualTo(Map.of("revenue", List.of("MOP Q3=499999.5", "MOP Q4=499999.5")));
        // The first half: 89 days (February to April) and 92.
        List<String> firstHalf = laid(measure("revenue", "2027-02-01", "2027-07-31", "1000000")).get("revenue");
        assertThat(firstHalf).containsExactly("MOP Q1=491712.7072", "MOP Q2=508287.2928");
    }

    @Test
    void aCalendarQuarterAcrossTwoMopPeriodsGivesEachItsDaysAndNeighboursAddUp() {
        // March to May: 61 days in MOP Q1, 31 in MOP Q2; June to August: 61 in Q2, 31 in Q3.
        assertThat(laid(measure("revenue", "2027-03-01", "2027-05-31", "300000"),
                measure("revenue", "2027-06-01", "2027-08-31", "92000")))
                .isEqualTo(Map.of("revenue", List.of("MOP Q1=198913.0435", "MOP Q2=162086.9565", "MOP Q3=31000")));
    }

    @Test
    void aLevelIsNotSplitAndThePeriodTakesTheObjectiveCoveringMostOfIt() {
        assertThat(laid(measure("certified", "2027-02-01", "2027-07-31", "12"),
                measure("certified", "2027-07-01", "2027-10-31", "20")))
                .isEqualTo(Map.of("certified", List.of("MOP Q1=12", "MOP Q2=12", "MOP Q3=20")));
        // A derived KPI (no aggregation of its own: a ratio) is a level too.
        assertThat(ObjectiveTargets.onPeriods(List.of(measure("win-ratio", "2027-02-01", "2027-07-31", "70")), MOP, k -> null)
                .get("win-ratio").values().stream().map(p -> p.target().toPlainString()).toList()).containsExactly("70", "70");
    }

    @Test
    void daysBeyondEveryPeriodTakeTheirShareWithThemAndAnObjectiveOutsideAllSetsNothing() {
        // December 2027 to March 2028: 62 of its 122 days are in MOP Q4, the rest after the horizon.
        assertThat(laid(measure("revenue", "2027-12-01", "2028-03-31", "122000")))
                .isEqualTo(Map.of("revenue", List.of("MOP Q4=62000")));
        assertThat(laid(measure("revenue", "2028-03-01", "2028-05-31", "5"))).isEmpty();
    }
}
