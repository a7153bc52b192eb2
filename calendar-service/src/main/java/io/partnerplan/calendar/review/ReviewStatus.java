package io.partnerplan.calendar.review;

/**
 * SCHEDULED; UPCOMING once announced ahead (review.due at any lead time before the day, recorded per lead time in
 * review_announcement) and DUE on the day; OVERDUE when not held in time.
 */
public enum ReviewStatus {
    SCHEDULED, UPCOMING, DUE, OVERDUE, COMPLETED, CANCELLED
}
