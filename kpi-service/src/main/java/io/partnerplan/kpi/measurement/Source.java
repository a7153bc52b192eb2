package io.partnerplan.kpi.measurement;

/** Where a measurement came from. */
public enum Source {
    CRM, PRM, MANUAL
}
