package io.partnerplan.notification.preference;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * A member's quiet hours, local times in their time zone: from {@code start} (inclusive) to {@code end}
 * (exclusive); an end before the start spans midnight (22:00 to 07:00). Equal times mean none.
 */
public record QuietHours(LocalTime start, LocalTime end, ZoneId zone) {

    /** @return when the quiet hours around {@code now} end, or empty when {@code now} is not quiet */
    public Optional<Instant> endAfter(Instant now) {
        if (start == null || end == null || start.equals(end)) {
            return Optional.empty();
        }
        ZonedDateTime local = now.atZone(zone);
        LocalTime time = local.toLocalTime();
        boolean quiet = start.isBefore(end)
                ? !time.isBefore(start) && time.isBefore(end)
                : !time.isBefore(start) || time.isBefore(end);
        if (!quiet) {
            return Optional.empty();
        }
        ZonedDateTime ends = local.with(end);
        if (!ends.isAfter(local)) {
            ends = ends.plusDays(1);
        }
        return Optional.of(ends.toInstant());
    }
}
