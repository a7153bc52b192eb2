package io.partnerplan.kpi.deal;

/** Where a registered deal stands: open while registered or approved, closed once won, lost or rejected. */
public enum DealStage {
    /** Submitted by the partner, not yet approved by the vendor. */
    REGISTERED,
    /** Approved by the vendor: protected pipeline of the partner. */
    APPROVED,
    /** Refused by the vendor (a conflict with another partner's or the vendor's own deal). */
    REJECTED,
    WON,
    LOST;

    public boolean closed() {
        return this == WON || this == LOST || this == REJECTED;
    }
}
