package io.partnerplan.plan.plan;

import io.partnerplan.plan.section.PlanSections;

/** Fired inside the transaction of every plan change, after the new version is flushed. */
public record PlanChanged(PlanView plan, PlanSections sections, String change, String changedBy) {
}
