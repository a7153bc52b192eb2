package io.partnerplan.notification.preference;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NotificationPreference")
public record PreferenceView(@Schema(example = "plan.proposed") String eventType, PersonalChannel channel, boolean enabled,
                             @Schema(description = "true when no choice was made and the default (on) applies") boolean isDefault,
                             @Schema(description = "At once or in a digest (EMAIL)") DigestFrequency delivery) {
}
