package io.partnerplan.kpi.definition;

/** How measurements within a period combine: revenue sums, certified staff is the last count, NPS averages. */
public enum Aggregation {
    SUM, LAST, AVERAGE
}
