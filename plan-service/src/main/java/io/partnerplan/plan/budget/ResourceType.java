package io.partnerplan.plan.budget;

/** DOMAIN.md budget resource types. */
public enum ResourceType {
    MARKETING, SALES, OPERATIONAL, FINANCIAL, TECHNICAL
}
