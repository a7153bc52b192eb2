package io.partnerplan.notification.preference;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NotificationPreferenceRequest")
public record PreferenceRequest(@Schema(description = "false: this event type no longer reaches you on this channel")
                                @NotNull Boolean enabled,
                                @Schema(description = "EMAIL only: at once (IMMEDIATE, the default) or collected into your "
                                        + "DAILY or WEEKLY digest") DigestFrequency delivery) {
}
