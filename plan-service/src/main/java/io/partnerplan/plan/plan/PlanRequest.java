package io.partnerplan.plan.plan;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new draft plan; the vendor side is the caller's organisation. */
@Schema(name = "PlanRequest")
public record PlanRequest(
        @NotNull @Schema(description = "The partner organisation this plan is with") UUID partnerOrganisationId,
        @NotBlank @Size(max = 200) @Schema(example = "Northwind FY27 joint business plan") String title,
        @NotNull @Schema(example = "2027-02-01") LocalDate horizonStart,
        @NotNull @Schema(example = "2028-01-31") LocalDate horizonEnd,
        @Schema(description = "How often the plan is reviewed; QUARTERLY when absent") ReviewCadence reviewCadence,
        @Schema(description = "Who signs for each side; MANAGER_AND_OWNER when absent") SigningPolicy signingPolicy,
        @Schema(description = "Start from this template of yours (POST /api/v1/plans only). When absent, the plan starts from "
                + "the template marked for the partner's tier and type (see PUT /api/v1/templates/{templateId}/audience), if any")
        UUID templateId,
        @Schema(description = "false: a blank plan even when a template is marked for the partner (POST /api/v1/plans only); "
                + "true when absent") Boolean useMatchingTemplate) {
}
