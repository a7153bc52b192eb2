package io.partnerplan.plan.budget;

/** Budget resource types (docs/domain.md "Plan"). */
public enum ResourceType {
    MARKETING, SALES, OPERATIONAL, FINANCIAL, TECHNICAL
}
