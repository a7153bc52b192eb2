package io.partnerplan.kpi.attainment;

/** Red, amber, green: how a period is going against its target. */
public enum Rag {
    RED, AMBER, GREEN
}
