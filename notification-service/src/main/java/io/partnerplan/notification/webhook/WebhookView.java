package io.partnerplan.notification.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Webhook")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookView(UUID id, String url, String description, List<String> eventTypes, boolean active,
                          @Schema(description = "Only in the answer that creates the subscription: store it, it is not shown again",
                                  example = "whsec_Q2hhbmdlIG1lIGJlZm9yZSB1c2luZyBpbiBwcm9kdWN0aW9u") String secret,
                          @Schema(description = "Until then the previous secret also signs deliveries (after a rotation)")
                          Instant previousSecretExpiresAt,
                          CircuitView circuit, Instant createdAt,
                          @Schema(description = "The organisation whose integration client owns it and whose plans' events it "
                                  + "receives; absent for the tenant's own subscriptions (tenant admin)") UUID organisationId) {

    @Schema(name = "WebhookCircuit", description = "The endpoint's circuit breaker")
    public record CircuitView(@Schema(example = "CLOSED") Circuit state, int consecutiveFailures, Instant openUntil) {
    }

    static WebhookView of(WebhookSubscription s, String secret, Instant now) {
        Instant previous = s.previousSecretExpiresAt != null && s.previousSecretExpiresAt.isAfter(now) ? s.previousSecretExpiresAt : null;
        return new WebhookView(s.id, s.url, s.description, List.of(s.eventTypes), s.active, secret, previous,
                new CircuitView(Circuit.of(s.circuitOpenUntil, now), s.consecutiveFailures, s.circuitOpenUntil), s.createdAt,
                s.organisationId);
    }
}
