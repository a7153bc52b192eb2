package io.partnerplan.notification.preference;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class QuietHoursTest {

    private final ZoneId berlin = ZoneId.of("Europe/Berlin");

    @Test
    void overnightQuietHoursEndTheNextMorningInTheMembersZone() {
        QuietHours quiet = new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0), berlin);
        // 23:30 in Berlin (winter, UTC+1) → quiet until 07:00 Berlin = 06:00 UTC the next day.
        assertEquals(Optional.of(Instant.parse("2027-01-13T06:00:00Z")), quiet.endAfter(Instant.parse("2027-01-12T22:30:00Z")));
        // 06:59 Berlin: still quiet, ends a minute later.
        assertEquals(Optional.of(Instant.parse("2027-01-13T06:00:00Z")), quiet.endAfter(Instant.parse("2027-01-13T05:59:00Z")));
        // 07:00 and noon: not quiet.
        assertEquals(Optional.empty(), quiet.endAfter(Instant.parse("2027-01-13T06:00:00Z")));
        assertEquals(Optional.empty(), quiet.endAfter(Instant.parse("2027-01-13T11:00:00Z")));
    }

    @Test
    void daytimeQuietHoursAndNone() {
        QuietHours lunch = new QuietHours(LocalTime.of(12, 0), LocalTime.of(13, 0), ZoneId.of("UTC"));
        assertEquals(Optional.of(Instant.parse("2027-01-13T13:00:00Z")), lunch.endAfter(Instant.parse("2027-01-13T12:00:00Z")));
        assertEquals(Optional.empty(), lunch.endAfter(Instant.parse("2027-01-13T11:59:59Z")));
        assertEquals(Optional.empty(), new QuietHours(null, null, berlin).endAfter(Instant.parse("2027-01-13T12:00:00Z")));
        assertEquals(Optional.empty(), new QuietHours(LocalTime.NOON, LocalTime.NOON, berlin).endAfter(Instant.parse("2027-01-13T11:00:00Z")));
    }
}
