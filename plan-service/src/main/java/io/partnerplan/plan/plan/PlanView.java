package io.partnerplan.plan.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Plan")
public record PlanView(UUID id, UUID vendorOrganisationId, UUID partnerOrganisationId, String title,
                       LocalDate horizonStart, LocalDate horizonEnd, PlanStatus status, String createdBy,
                       Instant createdAt, Instant updatedAt, long version) {

    static PlanView of(Plan p) {
        return new PlanView(p.id, p.vendorOrganisationId, p.partnerOrganisationId, p.title, p.horizonStart,
                p.horizonEnd, p.status, p.createdBy, p.createdAt, p.updatedAt, p.version);
    }
}
