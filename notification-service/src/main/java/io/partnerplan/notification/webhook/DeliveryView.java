package io.partnerplan.notification.webhook;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.partnerplan.notification.delivery.Delivery;
import io.partnerplan.notification.delivery.DeliveryStatus;

@Schema(name = "WebhookDelivery", description = "One event sent (or being sent) to one webhook")
public record DeliveryView(UUID id, UUID webhookId, String eventId, @Schema(example = "plan.agreed") String eventType,
                           DeliveryStatus status, int attempts,
                           @Schema(description = "HTTP status of the last attempt, when the endpoint answered") Integer lastStatus,
                           String lastError,
                           @Schema(description = "When the next attempt is due (PENDING only)") Instant nextAttemptAt,
                           Instant createdAt, Instant completedAt) {

    static DeliveryView of(Delivery d) {
        return new DeliveryView(d.id, UUID.fromString(d.recipient), d.eventId, d.eventType, d.status, d.attempts, d.lastStatus,
                d.lastError, d.status == DeliveryStatus.PENDING ? d.nextAttemptAt : null, d.createdAt, d.completedAt);
    }
}
