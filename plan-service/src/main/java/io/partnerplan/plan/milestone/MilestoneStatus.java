package io.partnerplan.plan.milestone;

/** PENDING until decided; AT_RISK while a KPI forecast falls short; ACHIEVED and MISSED are final. */
public enum MilestoneStatus {
    PENDING, AT_RISK, ACHIEVED, MISSED;

    public boolean isFinal() {
        return this == ACHIEVED || this == MISSED;
    }
}
