package io.partnerplan.plan.organisation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.partnerplan.platform.validation.TimeZoneId;

/** One line of a bulk import: the organisation and the PRM/CRM id it is upserted by. */
public record BulkOrganisationRow(
        @NotBlank @Pattern(regexp = "[a-z0-9-]+(:[a-z0-9-]+)*", message = "must look like crm:salesforce") @Size(max = 60) String system,
        @NotBlank @Pattern(regexp = "[A-Za-z0-9._~:@-]+", message = "must be letters, digits or ._~:@-") @Size(max = 200) String externalId,
        @NotBlank @Size(max = 200) String name,
        @NotNull OrganisationKind kind,
        @NotNull @TimeZoneId String timeZone,
        @Valid PartnerProfileRequest partnerProfile) {

    OrganisationRequest organisation() {
        return new OrganisationRequest(name, kind, timeZone, partnerProfile);
    }
}
