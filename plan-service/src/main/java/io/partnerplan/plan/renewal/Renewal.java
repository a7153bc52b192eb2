package io.partnerplan.plan.renewal;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to a renewal and the data of plan.renewed (docs/events). */
@Schema(name = "PlanRenewal")
public record Renewal(@Schema(description = "The renewed plan, now RENEWED") UUID planId,
                      @Schema(description = "Next period's plan, a DRAFT") UUID successorPlanId,
                      @Schema(description = "The open action items carried over: they now belong to the successor (same ids)")
                      List<UUID> carriedActionIds) {
}
