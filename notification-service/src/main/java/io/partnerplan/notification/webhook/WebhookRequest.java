package io.partnerplan.notification.webhook;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "WebhookRequest", description = "Where to send which events")
public record WebhookRequest(
        @Schema(example = "https://prm.northwind.example/hooks/partnerplan",
                description = "HTTPS endpoint on the public internet (no private, loopback or link-local address)")
        @NotBlank @Size(max = 2000) String url,
        @Schema(example = "[\"plan.agreed\", \"action.overdue\", \"review.due\"]",
                description = "Event types (short names of the event catalogue) to receive")
        @NotEmpty @Size(max = 50) List<@NotBlank String> eventTypes,
        @Schema(example = "Northwind PRM") @Size(max = 200) String description,
        @Schema(description = "false pauses deliveries (they wait); default true") Boolean active) {
}
