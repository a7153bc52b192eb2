package io.partnerplan.kpi.scorecard;

/** Red, amber, green: how a period is going against its target. */
public enum Rag {
    RED, AMBER, GREEN
}
