package io.partnerplan.kpi.scorecard;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One measured value on the day it counts for. */
public record Observation(LocalDate on, BigDecimal value) {
}
