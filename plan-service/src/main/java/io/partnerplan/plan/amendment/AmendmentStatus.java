package io.partnerplan.plan.amendment;

public enum AmendmentStatus {
    PROPOSED, ACCEPTED, REJECTED
}
