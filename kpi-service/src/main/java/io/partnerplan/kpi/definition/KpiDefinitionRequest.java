package io.partnerplan.kpi.definition;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "KpiDefinitionRequest")
public record KpiDefinitionRequest(
        @NotBlank @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "must be lower-case words joined by hyphens")
        @Size(max = 60) @Schema(example = "pipeline") String key,
        @NotBlank @Size(max = 120) @Schema(example = "Qualified pipeline") String name,
        @NotNull KpiUnit unit,
        @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as USD") @Schema(example = "USD") String currency,
        @NotNull Direction direction,
        @NotNull Aggregation aggregation) {
}
