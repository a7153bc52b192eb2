package io.partnerplan.kpi.attainment;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What was measured on one day: the values' total and how many there were (for sums and averages), and
 * the one reported last (for KPIs aggregated by LAST). One measured value is an observation of one.
 */
public record Observation(LocalDate on, BigDecimal value, long count, BigDecimal last) {

    public Observation(LocalDate on, BigDecimal value) {
        this(on, value, 1, value);
    }
}
