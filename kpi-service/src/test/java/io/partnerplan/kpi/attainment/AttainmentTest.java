package io.partnerplan.kpi.attainment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.partnerplan.kpi.definition.Aggregation;
import io.partnerplan.kpi.definition.Direction;

class AttainmentTest {

    private static Observation on(String day, String value) {
        return new Observation(LocalDate.parse(day), new BigDecimal(value));
    }

    private final List<Observation> values = List.of(on("2027-02-03", "40000"), on("2027-02-20", "20000"),
            on("2027-02-20", "15000"));

    @Test
    void eachAggregationCombinesTheWindowsValuesItsOwnWay() {
        assertThat(Attainment.actual(Aggregation.SUM, values)).isEqualByComparingTo("75000");
        assertThat(Attainment.actual(Aggregation.LAST, values)).isEqualByComparingTo("15000"); // last reported that day
        assertThat(Attainment.actual(Aggregation.AVERAGE, values)).isEqualByComparingTo("25000");
        assertThat(Attainment.actual(Aggregation.SUM, List.of())).isEqualByComparingTo("0");
        assertThat(Attainment.actual(Aggregation.LAST, List.of())).isNull();
    }

    @Test
    void aSumIsForecastAtItsRunRateALevelStaysWhereItIs() {
        LocalDate start = LocalDate.parse("2027-02-01");
        LocalDate end = LocalDate.parse("2027-04-30"); // 89 days
        // 75,000 in the first 28 days: 75000 * 89 / 28 = 238,392.86
        assertThat(Attainment.forecast(Aggregation.SUM, new BigDecimal("75000"), start, end, LocalDate.parse("2027-02-28")))
                .isEqualByComparingTo("238392.8571428571");
        assertThat(Attainment.forecast(Aggregation.LAST, new BigDecimal("12"), start, end, LocalDate.parse("2027-02-28")))
                .isEqualByComparingTo("12");
        assertThat(Attainment.forecast(Aggregation.SUM, new BigDecimal("75000"), start, end, LocalDate.parse("2027-05-02")))
                .isEqualByComparingTo("75000");
    }

    @Test
    void percentAndRagFollowTheKpisDirectionAndTheThresholds() {
        BigDecimal green = BigDecimal.valueOf(100);
        BigDecimal amber = BigDecimal.valueOf(80);
        BigDecimal revenue = Attainment.percent(Direction.HIGHER_IS_BETTER, new BigDecimal("170000"), new BigDecimal("200000"));
        assertThat(revenue).isEqualByComparingTo("85.0");
        assertThat(Attainment.rag(revenue, green, amber)).isEqualTo(Rag.AMBER);
        BigDecimal daysToClose = Attainment.percent(Direction.LOWER_IS_BETTER, new BigDecimal("30"), new BigDecimal("45"));
        assertThat(daysToClose).isEqualByComparingTo("150.0");
        assertThat(Attainment.rag(daysToClose, green, amber)).isEqualTo(Rag.GREEN);
        assertThat(Attainment.rag(new BigDecimal("79.9"), green, amber)).isEqualTo(Rag.RED);
        assertThat(Attainment.rag(null, green, amber)).isNull();
    }
}
