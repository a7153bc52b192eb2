package io.partnerplan.plan.organisation;

import jakarta.validation.Valid;
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
        @NotNull @TimeZoneId @Schema(example = "Europe/London", description = "IANA time zone") String timeZone,
        @Valid @Schema(description = "A partner's profile in the vendor's programme (partners only; set by the vendor's people, "
                + "the tenant's admins and their PRM/CRM syncs, never by the partner). When present it replaces the profile as a "
                + "whole; when absent the profile stays as it is, so a sync that does not know profiles never clears one.")
        PartnerProfileRequest partnerProfile) {
}
