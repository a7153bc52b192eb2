package io.partnerplan.kpi.target;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The value a KPI should reach over one period. */
public record TargetPeriod(String label, LocalDate start, LocalDate end, BigDecimal target) {
}
