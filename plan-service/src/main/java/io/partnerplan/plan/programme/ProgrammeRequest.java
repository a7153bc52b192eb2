package io.partnerplan.plan.programme;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A partner programme as the vendor defines it; a PUT replaces it as a whole. */
@Schema(name = "ProgrammeRequest")
public record ProgrammeRequest(
        @NotBlank @Size(max = 200) @Schema(example = "Contoso Partner Network") String name,
        @Size(max = 4000) String description,
        @NotNull @Size(min = 1, max = 20) @Schema(description = "The tiers from the entry tier up: each higher tier asks at least "
                + "what the one below asks of the same KPI over the same window")
        List<@NotNull @Valid Tier> tiers) {
}
