package io.partnerplan.plan.milestone;

/** As kpi-service judges a KPI criterion; a checklist is MET when every item is done. */
public enum CriterionState {
    ON_TRACK, AT_RISK, MET, MISSED
}
