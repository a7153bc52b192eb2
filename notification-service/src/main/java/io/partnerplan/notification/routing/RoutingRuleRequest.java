package io.partnerplan.notification.routing;

import java.util.List;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RoutingRuleRequest")
public record RoutingRuleRequest(@Schema(description = "Plan roles (vendor-manager, partner-owner, contributor, viewer, "
        + "executive-sponsor) that hear this event type; may be empty for escalations, which reach the event's own recipients")
                                 @NotNull List<String> roles) {
}
