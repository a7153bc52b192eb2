package io.partnerplan.kpi.definition;

/** Whether a higher or a lower value is the better result (revenue vs. days to close). */
public enum Direction {
    HIGHER_IS_BETTER, LOWER_IS_BETTER
}
