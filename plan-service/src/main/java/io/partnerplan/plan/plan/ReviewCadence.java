package io.partnerplan.plan.plan;

/** How often the parties review the plan together: "certainly more than just once a year". */
public enum ReviewCadence {
    MONTHLY, QUARTERLY
}
