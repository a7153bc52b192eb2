package io.partnerplan.calendar.fiscal;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "FiscalCalendar")
public record FiscalCalendarView(UUID organisationId, int startMonth, int startDay, YearNaming yearNaming,
                                 Instant updatedAt, long version) {

    static FiscalCalendarView of(FiscalCalendar c) {
        return new FiscalCalendarView(c.organisationId, c.startMonth, c.startDay, c.yearNaming, c.updatedAt, c.version);
    }
}
