package io.partnerplan.plan.amendment;

public enum AmendmentStatus {
    PROPOSED, ACCEPTED, REJECTED,
    /** By its proposing side, or with its plan when the plan was closed or renewed. */
    WITHDRAWN
}
