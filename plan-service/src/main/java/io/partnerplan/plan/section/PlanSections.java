package io.partnerplan.plan.section;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The written sections of a joint business plan (docs/domain.md "Plan"; docs/decisions/0004), kept as one document so a
 * full plan reads in one statement and every version is one snapshot. Lists are bounded so a plan
 * stays a plan. Objectives, actions, budgets and milestones have lifecycles of their own and live
 * in their own tables.
 */
@Schema(name = "PlanSections")
public record PlanSections(
        @Valid @Schema(description = "1. Vision, mission and strategy of the vendor") Statements vendorStatements,
        @Valid @Schema(description = "1. Vision, mission and strategy of the partner") Statements partnerStatements,
        @Valid @Schema(description = "2. The vendor's SWOT") Swot vendorSwot,
        @Valid @Schema(description = "2. The partner's SWOT") Swot partnerSwot,
        @Valid @Schema(description = "3. Overlaps, synergies and gaps between the two") Alignment alignment,
        @Size(max = 50) @Schema(description = "4. Partner core competencies") List<@NotBlank @Size(max = 500) String> partnerCompetencies,
        @Size(max = 50) @Schema(description = "4. Partner differentiators") List<@NotBlank @Size(max = 500) String> partnerDifferentiators,
        @Size(max = 4000) @Schema(description = "5. Joint value proposition") String jointValueProposition,
        @Valid @Schema(description = "6. Target audiences") TargetAudiences targetAudiences,
        @Valid @Schema(description = "7. Joint marketing plan") JointPlan marketingPlan,
        @Valid @Schema(description = "7. Joint sales plan") JointPlan salesPlan) {

    public static PlanSections empty() {
        return new PlanSections(null, null, null, null, null, List.of(), List.of(), null, null, null, null);
    }

    /**
     * The sections without what the partner owns (its statements, SWOT, competencies and
     * differentiators): what a vendor's template may keep, so no partner's confidences reach another.
     */
    public PlanSections withoutPartnersOwn() {
        return new PlanSections(vendorStatements, null, vendorSwot, null, alignment, List.of(), List.of(), jointValueProposition,
                targetAudiences, marketingPlan, salesPlan);
    }

    @Schema(name = "Statements")
    public record Statements(@Size(max = 4000) String vision, @Size(max = 4000) String mission,
                             @Size(max = 4000) String strategy) {
    }

    @Schema(name = "Swot")
    public record Swot(@Size(max = 30) List<@NotBlank @Size(max = 500) String> strengths,
                       @Size(max = 30) List<@NotBlank @Size(max = 500) String> weaknesses,
                       @Size(max = 30) List<@NotBlank @Size(max = 500) String> opportunities,
                       @Size(max = 30) List<@NotBlank @Size(max = 500) String> threats) {
    }

    @Schema(name = "Alignment")
    public record Alignment(@Size(max = 30) List<@NotBlank @Size(max = 500) String> overlaps,
                            @Size(max = 30) List<@NotBlank @Size(max = 500) String> synergies,
                            @Size(max = 30) List<@NotBlank @Size(max = 500) String> gaps) {
    }

    @Schema(name = "TargetAudiences")
    public record TargetAudiences(@Size(max = 30) List<@NotBlank @Size(max = 200) String> segments,
                                  @Size(max = 30) List<@NotBlank @Size(max = 200) String> industries,
                                  @Size(max = 30) List<@NotBlank @Size(max = 200) String> regions,
                                  @Size(max = 30) List<@NotBlank @Size(max = 200) String> personas) {
    }

    /** A joint marketing or sales plan: strategies; their action items live with the plan's actions. */
    @Schema(name = "JointPlan")
    public record JointPlan(@Size(max = 30) List<@Valid @NotNull Strategy> strategies) {
    }

    @Schema(name = "Strategy")
    public record Strategy(@NotBlank @Size(max = 60) @Schema(example = "webinar-series", description = "Stable key, unique within its plan section") String key,
                           @NotBlank @Size(max = 200) String title,
                           @Size(max = 4000) String description) {
    }
}
