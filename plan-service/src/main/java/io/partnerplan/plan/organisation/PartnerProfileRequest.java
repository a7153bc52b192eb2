package io.partnerplan.plan.organisation;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A partner's profile in the vendor's programme, as the vendor (or its PRM) sets it. Replaces the
 * previous profile as a whole: what is left out is cleared.
 */
@Schema(name = "PartnerProfileRequest")
public record PartnerProfileRequest(
        @Schema(description = "The programme the partner is enrolled in (GET /api/v1/programmes); required with tier")
        UUID programmeId,
        @Pattern(regexp = "[A-Z0-9]+(_[A-Z0-9]+)*", message = "must be a tier code such as GOLD") @Size(max = 40)
        @Schema(description = "The code of the tier the partner holds in the programme", example = "GOLD") String tier,
        @Schema(example = "RESELLER") PartnerType partnerType,
        @Size(max = 50) @Schema(description = "Regions the partner covers, as the vendor names them", example = "[\"EMEA\"]")
        List<@NotBlank @Size(max = 100) String> regions,
        @Size(max = 50) @Schema(description = "Customer segments the partner serves", example = "[\"MID_MARKET\"]")
        List<@NotBlank @Size(max = 100) String> segments,
        @Size(max = 50) @Schema(description = "Specialisations the vendor recognised", example = "[\"Security\"]")
        List<@NotBlank @Size(max = 100) String> specialisations,
        @Size(max = 100) List<@NotNull @Valid Certification> certifications,
        @PositiveOrZero @Max(10_000_000) @Schema(description = "People working for the partner", example = "120") Integer headcount) {
}
