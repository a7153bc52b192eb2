package io.partnerplan.calendar.mop;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "MopProposal")
public record MopProposal(@NotNull UUID vendorOrganisationId, @NotNull UUID partnerOrganisationId,
                          @NotNull @Schema(example = "SHARED_QUARTER_END") MopForm form,
                          @NotNull @Schema(example = "2027-01-01", description = "The operating year starts on or after this day") LocalDate start) {
}
