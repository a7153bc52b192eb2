package io.partnerplan.plan.plan;

/** docs/domain.md "Plan lifecycle": draft → proposed → agreed → active ↔ in-review → renewed | closed. */
public enum PlanStatus {
    DRAFT, PROPOSED, AGREED, ACTIVE, IN_REVIEW, RENEWED, CLOSED
}
