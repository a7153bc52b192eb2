package io.partnerplan.plan.template;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.partnerplan.plan.objective.Objective;
import io.partnerplan.plan.section.PlanSections;

/**
 * What a template holds. Dates are kept relative to the horizon's first day, so a template fits
 * any horizon; what falls beyond a shorter horizon is moved to its last day.
 */
@Schema(name = "TemplateContent")
public record TemplateContent(PlanSections sections, List<ObjectiveSkeleton> objectives, List<ActionSkeleton> actions,
                              List<MilestoneSkeleton> milestones) {

    @Schema(name = "ObjectiveSkeleton")
    public record ObjectiveSkeleton(String title, String description, List<Objective.Measure> measures,
                                    @Schema(description = "Days from the horizon's start to the period's start") long startAfterDays,
                                    @Schema(description = "Days from the horizon's start to the period's end") long endAfterDays) {
    }

    @Schema(name = "ActionSkeleton", description = "Owned by whoever creates the plan from the template")
    public record ActionSkeleton(String title, String description,
                                 @Schema(description = "Days from the horizon's start to the due date") long dueAfterDays,
                                 String strategyKey) {
    }

    @Schema(name = "MilestoneSkeleton")
    public record MilestoneSkeleton(String title, String description,
                                    @Schema(description = "Days from the horizon's start to the due date") long dueAfterDays,
                                    List<CriterionSkeleton> criteria) {
    }

    @Schema(name = "MilestoneCriterionSkeleton", description = "KPI: kpi, threshold, window in days from the start. CHECKLIST: items")
    public record CriterionSkeleton(String kind, String kpi, String threshold, Long windowStartAfterDays, Long windowEndAfterDays,
                                    List<String> items) {
    }
}
