package io.partnerplan.plan.action;

/** DOMAIN.md action item statuses. */
public enum ActionStatus {
    OPEN, IN_PROGRESS, DONE, BLOCKED, CANCELLED;

    public boolean isOpen() {
        return this != DONE && this != CANCELLED;
    }
}
