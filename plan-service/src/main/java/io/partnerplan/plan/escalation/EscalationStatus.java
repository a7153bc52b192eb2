package io.partnerplan.plan.escalation;

/** RAISED climbs until someone acknowledges it; RESOLVED (with a rectification plan) is final. */
public enum EscalationStatus {
    RAISED, ACKNOWLEDGED, RESOLVED
}
