package io.partnerplan.calendar.fiscal;

/**
 * How a change of fiscal year end bridges the old calendar's last year and the new calendar's first
 * full one: one transition year from the change to the end of the new calendar's year that is under
 * way ({@code SHORT}), or to the end of the one after it ({@code LONG}).
 */
public enum Transition {
    SHORT,
    LONG
}
