package io.partnerplan.notification.digest;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

import io.partnerplan.notification.preference.DigestFrequency;

/**
 * When a member's digest is due: from their local digest time on, every day (DAILY) or on their
 * weekly day (WEEKLY). The key names the period, so a digest goes out once per member and period.
 */
public final class DigestSchedule {

    private DigestSchedule() {
    }

    /** @return the period's key when the digest is due at {@code now}, else empty */
    public static Optional<String> dueKey(DigestFrequency frequency, ZoneId zone, LocalTime digestTime, DayOfWeek weeklyDay,
                                          Instant now) {
        ZonedDateTime local = now.atZone(zone);
        if (local.toLocalTime().isBefore(digestTime)) {
            return Optional.empty();
        }
        return switch (frequency) {
            case DAILY -> Optional.of("DAILY:" + local.toLocalDate());
            case WEEKLY -> local.getDayOfWeek() == weeklyDay ? Optional.of("WEEKLY:" + local.toLocalDate()) : Optional.empty();
            case IMMEDIATE -> Optional.empty();
        };
    }
}
