package io.partnerplan.notification.routing;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RoutingRule")
public record RoutingRuleView(@Schema(example = "milestone.missed") String eventType,
                              @Schema(description = "Plan roles that hear this event type in your tenant") List<String> roles,
                              @Schema(description = "Plan roles that hear it by default") List<String> defaultRoles,
                              @Schema(description = "true when your tenant did not change it") boolean isDefault,
                              @Schema(description = "Escalations also reach the subjects and roles named in the event, "
                                      + "and executive sponsors from level 2 on") boolean addsEventRecipients,
                              @Schema(description = "Members cannot turn this type off in their inbox") boolean mandatory,
                              @Schema(description = "Also the ETag") long version) {
}
