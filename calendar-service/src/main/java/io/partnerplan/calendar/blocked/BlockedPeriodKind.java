package io.partnerplan.calendar.blocked;

/** HOLIDAY: nobody works, reviews move to the next business day. BLACKOUT: working, but not for planning (e.g. a year-end freeze). */
public enum BlockedPeriodKind {
    HOLIDAY, BLACKOUT
}
