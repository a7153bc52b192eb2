package io.partnerplan.plan.template;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.partnerplan.plan.organisation.PartnerType;

@Schema(name = "TemplateAudienceRequest", description = "For which partners the template is where a new plan starts; replaces "
        + "the previous marking (both lists empty: nobody's default)")
public record TemplateAudienceRequest(
        @NotNull @Size(max = 20) @Schema(description = "Tier codes of the tenant's programmes; empty: any tier", example = "[\"GOLD\"]")
        List<@NotNull @Pattern(regexp = "[A-Z0-9]+(_[A-Z0-9]+)*", message = "must be a tier code such as GOLD") @Size(max = 40) String> tiers,
        @NotNull @Size(max = 5) @Schema(description = "Partner types; empty: any type", example = "[\"MSP\"]")
        List<@NotNull PartnerType> partnerTypes) {
}
