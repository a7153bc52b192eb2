package io.partnerplan.kpi.measurement;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A measurement's new value: plan, KPI, source and external id stay what they were. */
@Schema(name = "MeasurementCorrection")
public record MeasurementCorrection(
        @NotBlank @Pattern(regexp = "-?\\d{1,16}(\\.\\d{1,4})?", message = "must be a decimal number with at most 4 decimals")
        @Schema(example = "125000.00", description = "A decimal string, as money is everywhere in the API") String value,
        @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as USD") @Schema(example = "USD") String currency,
        @NotNull @Schema(example = "2027-03-31", description = "The day measured, or the last day of the period measured") LocalDate occurredOn,
        @Schema(description = "First day of the period measured; absent for a value on one day") LocalDate periodStart) {
}
