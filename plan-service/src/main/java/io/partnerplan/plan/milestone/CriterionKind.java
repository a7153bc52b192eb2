package io.partnerplan.plan.milestone;

/** A KPI reaching a threshold over a window (judged by kpi-service), or a checklist people tick. */
public enum CriterionKind {
    KPI, CHECKLIST
}
