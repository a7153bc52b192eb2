package io.partnerplan.plan.template;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PlanTemplate")
public record TemplateView(UUID id, UUID vendorOrganisationId, String name, String description, TemplateContent content,
                           String createdBy, Instant createdAt, long version) {

    static TemplateView of(PlanTemplate t) {
        return new TemplateView(t.id, t.vendorOrganisationId, t.name, t.description, t.content, t.createdBy, t.createdAt,
                t.version);
    }
}
