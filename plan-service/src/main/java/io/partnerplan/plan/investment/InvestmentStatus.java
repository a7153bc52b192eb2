package io.partnerplan.plan.investment;

/** LOCKED until its milestone is achieved; WITHDRAWN by the plan's people before that. */
public enum InvestmentStatus {
    LOCKED, UNLOCKED, WITHDRAWN
}
