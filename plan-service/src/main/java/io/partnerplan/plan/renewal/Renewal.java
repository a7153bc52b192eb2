package io.partnerplan.plan.renewal;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to a renewal and the data of plan.renewed (docs/events). */
@Schema(name = "PlanRenewal")
public record Renewal(@Schema(description = "The renewed plan, now RENEWED (still reviewed until the successor is agreed)") UUID planId,
                      @Schema(description = "Next period's plan, a DRAFT") UUID successorPlanId,
                      @Schema(description = "The open action items carried over: they now belong to the successor (same ids)")
                      List<UUID> carriedActionIds,
                      @Schema(description = "The successor's milestones, drafted from the renewed plan's (dates moved along)")
                      List<UUID> carriedMilestoneIds,
                      @Schema(description = "The successor's conditional investments, drafted from the renewed plan's "
                              + "(withdrawn ones stay behind), each on the carried copy of its milestone")
                      List<UUID> carriedInvestmentIds,
                      @Schema(description = "The first day of the renewal window (the configured period before the horizon's end)")
                      LocalDate windowOpensOn,
                      @Schema(description = "Why it was renewed before the window opened; null within it") String reason) {
}
