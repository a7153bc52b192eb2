package io.partnerplan.kpi.criterion;

/** Where a KPI-based milestone criterion stands. MET and MISSED are final: the milestone was decided on them. */
public enum CriterionState {
    ON_TRACK, AT_RISK, MET, MISSED;

    public boolean isFinal() {
        return this == MET || this == MISSED;
    }
}
