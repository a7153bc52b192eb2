package io.partnerplan.calendar.mop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.partnerplan.calendar.availability.AvailabilityStatus;
import io.partnerplan.calendar.availability.AvailabilityView;

class AwayInClosingWindowTest {

    private final UUID vendor = UUID.randomUUID();
    private final UUID partner = UUID.randomUUID();
    private final List<QuarterEnd> vendorEnds = List.of(
            new QuarterEnd("FY27 Q3", LocalDate.of(2026, 10, 31), LocalDate.of(2026, 10, 18)),
            new QuarterEnd("FY27 Q4", LocalDate.of(2027, 1, 31), LocalDate.of(2027, 1, 18)));
    private final List<QuarterEnd> partnerEnds = List.of(
            new QuarterEnd("FY26 Q4", LocalDate.of(2026, 12, 31), LocalDate.of(2026, 12, 18)));

    private AvailabilityView away(UUID organisation, String from, String to, AvailabilityStatus status) {
        return new AvailabilityView(UUID.randomUUID(), organisation, "someone", "deputy", LocalDate.parse(from),
                LocalDate.parse(to), null, status, 0);
    }

    @Test
    void aHolidayOverBothSidesClosingWindowsClashesWithEachOnlyOnTheDaysThatOverlap() {
        AvailabilityView winter = away(vendor, "2026-12-20", "2027-01-20", AvailabilityStatus.DECLARED);
        List<AwayInClosingWindow> found = AwayInClosingWindow.find(vendor, vendorEnds, partnerEnds, List.of(winter));
        assertEquals(1, found.size());
        assertEquals("VENDOR", found.get(0).side());
        assertEquals(List.of(
                new AwayInClosingWindow.Clash("PARTNER", "FY26 Q4", LocalDate.of(2026, 12, 31), LocalDate.of(2026, 12, 18),
                        LocalDate.of(2026, 12, 20), LocalDate.of(2026, 12, 31)),
                new AwayInClosingWindow.Clash("VENDOR", "FY27 Q4", LocalDate.of(2027, 1, 31), LocalDate.of(2027, 1, 18),
                        LocalDate.of(2027, 1, 18), LocalDate.of(2027, 1, 20))), found.get(0).clashes());
    }

    @Test
    void absencesEndingTheDayBeforeAWindowOrCancelledAreNotFlagged() {
        List<AvailabilityView> absences = List.of(
                away(partner, "2026-10-01", "2026-10-17", AvailabilityStatus.DECLARED),
                away(partner, "2026-11-01", "2026-12-17", AvailabilityStatus.UPDATED),
                away(partner, "2026-10-20", "2026-10-25", AvailabilityStatus.CANCELLED),
                away(partner, "2026-10-31", "2026-10-31", AvailabilityStatus.UPDATED));
        List<AwayInClosingWindow> found = AwayInClosingWindow.find(vendor, vendorEnds, partnerEnds, absences);
        assertEquals(1, found.size());
        assertEquals("PARTNER", found.get(0).side());
        assertEquals(LocalDate.of(2026, 10, 31), found.get(0).clashes().get(0).awayFrom());
    }
}
