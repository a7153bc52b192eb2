package io.partnerplan.kpi.definition;

public enum KpiUnit {
    CURRENCY, COUNT, PERCENT, RATIO
}
