package io.partnerplan.notification.webhook;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "WebhookSecret", description = "A new signing secret, shown only in this answer")
public record WebhookSecretView(@Schema(example = "whsec_Q2hhbmdlIG1lIGJlZm9yZSB1c2luZyBpbiBwcm9kdWN0aW9u") String secret,
                                @Schema(description = "Until then deliveries carry a signature with the previous secret too")
                                Instant previousSecretExpiresAt) {
}
