package io.partnerplan.plan.escalation;

/** What raised an escalation; with the cause's id, one open escalation each. */
public enum EscalationCause {
    ACTION_OVERDUE, MILESTONE_MISSED
}
