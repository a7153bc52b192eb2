package io.partnerplan.kpi.measurement;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "MeasurementRequest")
public record MeasurementRequest(
        @NotNull UUID planId,
        @NotBlank @Size(max = 60) @Schema(example = "revenue", description = "The KPI's key in the tenant's library") String kpi,
        @NotBlank @Pattern(regexp = "-?\\d{1,16}(\\.\\d{1,4})?", message = "must be a decimal number with at most 4 decimals")
        @Schema(example = "125000.00", description = "A decimal string, as money is everywhere in the API") String value,
        @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as USD") @Schema(example = "USD") String currency,
        @NotNull @Schema(example = "2027-03-31", description = "The day measured, or the last day of the period measured") LocalDate occurredOn,
        @Schema(description = "First day of the period measured; absent for a value on one day") LocalDate periodStart,
        @Size(max = 200) @Schema(description = "Decided by the server from your token (your integration client's id, or MANUAL "
                + "for a person); may be left out. A value that differs from it is refused (400), never taken") String source,
        @Size(max = 200) @Schema(example = "0065g00000AbCdE", description = "Your id for the measurement, unique within your source and organisation: re-sending it is idempotent, a new value corrects it") String externalId) {
}
