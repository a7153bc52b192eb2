package io.partnerplan.plan.organisation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.partnerplan.platform.validation.TimeZoneId;

/** What a client may set on an organisation; everything else is the server's. */
@Schema(name = "OrganisationRequest")
public record OrganisationRequest(
        @NotBlank @Size(max = 200) @Schema(example = "Northwind Resellers Ltd") String name,
        @NotNull @Schema(example = "PARTNER") OrganisationKind kind,
        @NotNull @TimeZoneId @Schema(example = "Europe/London", description = "IANA time zone") String timeZone) {
}
