package io.partnerplan.platform.validation;

import java.time.LocalDate;

/**
 * The dates any request may carry: years 1900 to 2999. Wider ones ({@code -999999999-01-01},
 * {@code +999999999-12-31}) parse as ISO dates but no business date is that far away, and they broke
 * date arithmetic and the database further down.
 */
public final class Dates {

    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(2999, 12, 31);
    public static final String RULE = "must be a date between " + EARLIEST + " and " + LATEST;

    private Dates() {
    }

    public static boolean inRange(LocalDate date) {
        return !date.isBefore(EARLIEST) && !date.isAfter(LATEST);
    }
}
