package io.partnerplan.notification.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.partnerplan.notification.preference.DigestFrequency;

class DigestScheduleTest {

    private final ZoneId tokyo = ZoneId.of("Asia/Tokyo");

    @Test
    void aDailyDigestIsDueFromTheLocalDigestTimeKeyedByTheLocalDate() {
        // 07:59 in Tokyo: not yet; 08:00: due for that (Tokyo) date, although it is still the day before in UTC.
        assertEquals(Optional.empty(), DigestSchedule.dueKey(DigestFrequency.DAILY, tokyo, LocalTime.of(8, 0), DayOfWeek.MONDAY,
                Instant.parse("2027-03-01T22:59:00Z")));
        assertEquals(Optional.of("DAILY:2027-03-02"), DigestSchedule.dueKey(DigestFrequency.DAILY, tokyo, LocalTime.of(8, 0),
                DayOfWeek.MONDAY, Instant.parse("2027-03-01T23:00:00Z")));
    }

    @Test
    void aWeeklyDigestIsDueOnlyOnItsDay() {
        // 2027-03-01 is a Monday.
        assertEquals(Optional.of("WEEKLY:2027-03-01"), DigestSchedule.dueKey(DigestFrequency.WEEKLY, ZoneId.of("UTC"),
                LocalTime.of(8, 0), DayOfWeek.MONDAY, Instant.parse("2027-03-01T09:00:00Z")));
        assertEquals(Optional.empty(), DigestSchedule.dueKey(DigestFrequency.WEEKLY, ZoneId.of("UTC"),
                LocalTime.of(8, 0), DayOfWeek.MONDAY, Instant.parse("2027-03-02T09:00:00Z")));
    }
}
