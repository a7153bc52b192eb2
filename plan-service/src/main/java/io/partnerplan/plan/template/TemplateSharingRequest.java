package io.partnerplan.plan.template;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TemplateSharingRequest", description = "With whom a template is shared; replaces the previous sharing")
public record TemplateSharingRequest(
        @NotNull @Schema(description = "Share with every partner organisation of the tenant, now and later") Boolean allPartners,
        @Size(max = 500) @Schema(description = "Partner organisations to share with (empty or absent: none chosen; must be "
                + "empty when allPartners is true)") List<@NotNull UUID> partnerOrganisationIds) {
}
