package io.partnerplan.calendar.mop;

/** A proposal waits for the other side; a newer proposal or agreement for the pair supersedes it. */
public enum MopStatus {
    PROPOSED, AGREED, SUPERSEDED
}
