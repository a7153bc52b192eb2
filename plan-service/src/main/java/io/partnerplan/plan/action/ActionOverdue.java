package io.partnerplan.plan.action;

/** Fired in the overdue job's transaction for each action it announces, with the tenant it belongs to. */
public record ActionOverdue(String tenant, PlanActions.Overdue overdue) {
}
