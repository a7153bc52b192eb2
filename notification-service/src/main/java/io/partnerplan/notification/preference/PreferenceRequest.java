package io.partnerplan.notification.preference;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NotificationPreferenceRequest")
public record PreferenceRequest(@Schema(description = "false: this event type no longer reaches you on this channel")
                                @NotNull Boolean enabled) {
}
