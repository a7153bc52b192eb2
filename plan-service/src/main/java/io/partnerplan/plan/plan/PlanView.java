package io.partnerplan.plan.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Plan")
public record PlanView(UUID id, UUID vendorOrganisationId, UUID partnerOrganisationId, String title,
                       LocalDate horizonStart, LocalDate horizonEnd, PlanStatus status, ReviewCadence reviewCadence,
                       @Schema(description = "Who signs for each side") SigningPolicy signingPolicy,
                       @Schema(description = "Signatures on the proposed plan; both sides make it agreed") List<SignOff> signOffs,
                       @Schema(description = "The template it was drafted from; absent for a blank plan") UUID templateId,
                       String createdBy, Instant createdAt, Instant updatedAt, long version) {

    static PlanView of(Plan p, List<PlanSignOff> signOffs) {
        return new PlanView(p.id, p.vendorOrganisationId, p.partnerOrganisationId, p.title, p.horizonStart,
                p.horizonEnd, p.status, p.reviewCadence, p.signingPolicy,
                signOffs.stream().map(s -> new SignOff(s.side, s.signedBy, s.signedAt, s.planVersion)).toList(),
                p.templateId, p.createdBy, p.createdAt, p.updatedAt, p.version);
    }

    @Schema(name = "SignOff")
    public record SignOff(Side side, String signedBy, Instant signedAt,
                          @Schema(description = "The plan's version the signature is for") long planVersion) {
    }
}
