package io.partnerplan.plan.action;

/** Action item statuses (docs/domain.md "Plan"). */
public enum ActionStatus {
    OPEN, IN_PROGRESS, DONE, BLOCKED, CANCELLED;

    public boolean isOpen() {
        return this != DONE && this != CANCELLED;
    }
}
