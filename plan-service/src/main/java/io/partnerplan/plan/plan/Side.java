package io.partnerplan.plan.plan;

/** The two parties of a plan. */
public enum Side {
    VENDOR, PARTNER
}
