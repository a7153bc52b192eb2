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
        @Schema(description = "Required for a measured KPI; omit for a derived one (it is computed per window from its formula)")
        Aggregation aggregation,
        @Size(max = 500) @Schema(description = "Makes the KPI derived: arithmetic over other KPIs of the library, keys written "
                + "with underscores for hyphens. Measurements cannot be written to it.", example = "deals_won / deals_closed * 100")
        String formula) {

    public KpiDefinitionRequest(String key, String name, KpiUnit unit, String currency, Direction direction,
                                Aggregation aggregation) {
        this(key, name, unit, currency, direction, aggregation, null);
    }
}
