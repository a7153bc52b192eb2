package io.partnerplan.plan.amendment;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.partnerplan.plan.budget.BudgetRequest;
import io.partnerplan.plan.objective.ObjectiveRequest;
import io.partnerplan.plan.section.PlanSections;

/** What an amendment changes; each part present replaces that part of the plan as a whole. */
@Schema(name = "AmendmentChanges", description = "Each part present replaces that part of the plan; absent parts stay")
public record AmendmentChanges(
        @Valid @Schema(description = "The plan's written sections after the amendment") PlanSections sections,
        @Size(max = 100) @Schema(description = "The plan's objectives after the amendment: with id = changed, without = new, "
                + "unlisted = removed") List<@NotNull @Valid ObjectiveRequest> objectives,
        @Size(max = 200) @Schema(description = "The plan's budgets after the amendment (their planned side; committed and spent "
                + "of existing budgets stay as recorded): with id = changed, without = new, unlisted = removed")
        List<@NotNull @Valid BudgetRequest> budgets) {

    boolean changesNothing() {
        return sections == null && objectives == null && budgets == null;
    }
}
