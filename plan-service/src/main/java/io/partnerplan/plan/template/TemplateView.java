package io.partnerplan.plan.template;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PlanTemplate")
public record TemplateView(UUID id, UUID vendorOrganisationId, String name, String description, TemplateContent content,
                           @Schema(description = "With whom the vendor shares it; shown to the vendor's people only (a partner "
                                   + "never learns which other partners see a template)") Sharing sharing,
                           @Schema(description = "For which partners' new plans it is the starting point; shown to the vendor's "
                                   + "people only") TemplateAudience audience,
                           String createdBy, Instant createdAt, long version) {

    @Schema(name = "TemplateSharing")
    public record Sharing(@Schema(description = "Every partner organisation of the tenant reads it") boolean allPartners,
                          @Schema(description = "The partner organisations chosen, in id order") List<UUID> partnerOrganisationIds) {
    }

    /** As the vendor's people read it. */
    static TemplateView of(PlanTemplate t) {
        return new TemplateView(t.id, t.vendorOrganisationId, t.name, t.description, t.content,
                new Sharing(t.sharedWithAllPartners, t.sharedWith.stream().sorted().toList()), t.audience(), t.createdBy, t.createdAt,
                t.version);
    }

    /** As a partner it is shared with reads it: without whom else it is shared with. */
    static TemplateView forPartner(PlanTemplate t) {
        return new TemplateView(t.id, t.vendorOrganisationId, t.name, t.description, t.content, null, null, t.createdBy, t.createdAt,
                t.version);
    }
}
