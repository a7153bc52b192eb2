package io.partnerplan.calendar.review;

/** SCHEDULED; UPCOMING once announced ahead and DUE on the day (both review.due); OVERDUE when not held in time. */
public enum ReviewStatus {
    SCHEDULED, UPCOMING, DUE, OVERDUE, COMPLETED, CANCELLED
}
