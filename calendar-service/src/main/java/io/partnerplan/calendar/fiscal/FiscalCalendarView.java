package io.partnerplan.calendar.fiscal;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "FiscalCalendar")
public record FiscalCalendarView(UUID organisationId, FiscalCalendarRequest definition, Instant updatedAt, long version) {

    static FiscalCalendarView of(FiscalCalendar c) {
        return new FiscalCalendarView(c.organisationId, c.definition(), c.updatedAt, c.version);
    }
}
