package io.partnerplan.notification.preference;

import java.time.DayOfWeek;
import java.time.LocalTime;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.partnerplan.platform.validation.TimeZoneId;

/** A member's own delivery settings; also the request of PUT (the whole value). */
@Schema(name = "NotificationSettings")
public record DeliverySettings(
        @Schema(example = "Europe/Berlin", description = "IANA time zone your quiet hours and digest time are in")
        @NotNull @TimeZoneId String timeZone,
        @Schema(example = "de", description = "Language of your notifications (IETF tag; English when not translated); "
                + "empty: the one your directory entry (your token) carries") String locale,
        @Schema(example = "22:00", description = "Start of your quiet hours (local); email waits until they end, "
                + "the inbox gets the item at once") LocalTime quietHoursStart,
        @Schema(example = "07:00", description = "End of your quiet hours (local); before the start: over midnight")
        LocalTime quietHoursEnd,
        @Schema(example = "08:00", description = "When your digests go out (local); default 08:00") LocalTime digestTime,
        @Schema(example = "MONDAY", description = "The day your weekly digest goes out; default MONDAY") DayOfWeek weeklyDigestDay) {

    public static DeliverySettings defaults() {
        return defaultsIn(null);
    }

    /** The defaults for someone whose directory entry says they live in {@code zone} (UTC when unknown). */
    public static DeliverySettings defaultsIn(String zone) {
        return new DeliverySettings(zone == null ? "UTC" : zone, null, null, null, LocalTime.of(8, 0), DayOfWeek.MONDAY);
    }

    public QuietHours quietHours() {
        return new QuietHours(quietHoursStart, quietHoursEnd, java.time.ZoneId.of(timeZone));
    }
}
