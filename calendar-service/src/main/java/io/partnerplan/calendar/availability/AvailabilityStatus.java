package io.partnerplan.calendar.availability;

/** The words of availability.changed: a period is declared, then updated any number of times, or cancelled. */
public enum AvailabilityStatus {
    DECLARED, UPDATED, CANCELLED
}
