package io.partnerplan.calendar.fiscal;

/** Twelve calendar months from a start day, or whole weeks ending on a weekday near a month's end. */
public enum CalendarKind {
    GREGORIAN, WEEKS_52_53
}
