package io.partnerplan.calendar.mop;

import java.time.LocalDate;

/** A quarter-end of one party and its closing window: the last days of the quarter, when deals are pushed. */
public record QuarterEnd(String label, LocalDate date, LocalDate closingFrom) {

    public boolean inClosingWindow(LocalDate day) {
        return !day.isBefore(closingFrom) && !day.isAfter(date);
    }
}
