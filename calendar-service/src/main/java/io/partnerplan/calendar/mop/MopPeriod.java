package io.partnerplan.calendar.mop;

import java.time.LocalDate;

/** One period of a Mutual Operating Period ("MOP Q1"), both days inclusive. */
public record MopPeriod(String label, LocalDate start, LocalDate end) {
}
