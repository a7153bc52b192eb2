package io.partnerplan.calendar.fiscal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "FiscalCalendar")
public record FiscalCalendarView(UUID organisationId,
                                 @Schema(description = "In effect before the first of the later versions (since ever when none)")
                                 FiscalCalendarRequest definition,
                                 @Schema(description = "Later definitions, each in effect from its date until the next one's")
                                 List<VersionView> versions,
                                 Instant updatedAt, long version) {

    @Schema(name = "FiscalCalendarVersion")
    public record VersionView(LocalDate effectiveFrom, FiscalCalendarRequest definition,
                              @Schema(description = "SHORT or LONG when this version changed the year end through a transition "
                                      + "year starting effectiveFrom", nullable = true) Transition transition) {
    }

    static FiscalCalendarView of(FiscalCalendar c) {
        return new FiscalCalendarView(c.organisationId, c.definition(),
                c.versions.stream().map(v -> new VersionView(v.effectiveFrom, v.definition(), v.transition)).toList(), c.updatedAt, c.version);
    }
}
