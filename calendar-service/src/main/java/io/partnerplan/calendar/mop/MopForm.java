package io.partnerplan.calendar.mop;

/** The three forms of Mutual Operating Period the MOP article names. */
public enum MopForm {
    /** Map to the vendor's fiscal calendar, openly agreed by both. */
    VENDOR_CALENDAR,
    /** Map to the partner's fiscal calendar, openly agreed by both. */
    PARTNER_CALENDAR,
    /** New quarter-ends that best accommodate both parties' fiscal quarters. */
    SHARED_QUARTER_END,
    /** Two operating cycles a year, each starting at one party's fiscal year start (its planning cycle). */
    TWO_CYCLES
}
