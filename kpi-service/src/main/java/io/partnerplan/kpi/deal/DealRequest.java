package io.partnerplan.kpi.deal;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A deal registration as a CRM/PRM (or a person) sends it. Upserted by its external id within the
 * writer's source and organisation: sending it again with the same content changes nothing, with new
 * content updates the deal.
 */
@Schema(name = "DealRequest")
public record DealRequest(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9._~:@-]+", message = "must be letters, digits or ._~:@-") @Size(max = 200)
        @Schema(description = "The deal's id in your CRM/PRM", example = "OPP-0042") String externalId,
        @Schema(description = "The partner the deal is registered for: your own organisation when you are the partner "
                + "(leave it out or name it); required when the vendor registers it") UUID partnerOrganisationId,
        @NotBlank @Size(max = 200) @Schema(example = "Globex Manufacturing") String account,
        @NotBlank @Pattern(regexp = "\\d{1,16}(\\.\\d{1,4})?", message = "must be a non-negative decimal number with at most 4 decimals")
        @Schema(example = "125000") String amount,
        @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as USD") @Schema(example = "USD") String currency,
        @NotNull @Schema(example = "REGISTERED") DealStage stage,
        @Schema(description = "The day it was registered; today when absent", example = "2027-03-01") LocalDate registeredOn,
        @NotNull @Schema(description = "When the partner expects to close it", example = "2027-06-30") LocalDate expectedCloseOn,
        @Schema(description = "When it was won or lost: required for WON and LOST, absent while open") LocalDate actualCloseOn,
        @Size(max = 50) @Schema(example = "[\"Contoso Cloud Suite\"]") List<@NotBlank @Size(max = 200) String> products) {
}
