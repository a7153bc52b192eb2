package io.partnerplan.kpi.target;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TargetSetRequest", description = "All targets of one KPI for one plan; replaces the previous set")
public record TargetSetRequest(
        @NotNull @Size(min = 1, max = 120) List<@NotNull @Valid Period> periods,
        @DecimalMin("0.1") @DecimalMax("1000") @Schema(example = "100", description = "Percent of target from which a period is green; default 100") java.math.BigDecimal greenAt,
        @DecimalMin("0") @DecimalMax("1000") @Schema(example = "80", description = "Percent of target from which a period is amber; default 80") java.math.BigDecimal amberAt) {

    @Schema(name = "TargetPeriodRequest")
    public record Period(
            @NotNull @Schema(example = "2027-02-01") LocalDate start,
            @NotNull @Schema(example = "2027-04-30") LocalDate end,
            @NotBlank @Pattern(regexp = "-?\\d{1,16}(\\.\\d{1,4})?", message = "must be a decimal number with at most 4 decimals")
            @Schema(example = "250000") String target) {
    }
}
