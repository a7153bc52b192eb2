package io.partnerplan.plan.member;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Invitation")
public record InvitationView(UUID id, UUID planId, UUID organisationId, String side, PlanRole role, String email,
                             @Schema(enumeration = { "PENDING", "ACCEPTED", "REVOKED" }) String status,
                             String invitedBy, Instant invitedAt, Instant expiresAt,
                             @Schema(description = "Where the invitee accepts it, with their own token") String acceptUrl,
                             String acceptedBy, Instant acceptedAt, long version) {

    static InvitationView of(Invitation i, UUID vendorOrganisation) {
        return new InvitationView(i.id, i.planId, i.organisationId, i.organisationId.equals(vendorOrganisation) ? "VENDOR" : "PARTNER",
                i.role, i.email, i.status.name(), i.invitedBy, i.invitedAt, i.expiresAt,
                "/api/v1/invitations/" + i.id + "/accept", i.acceptedBy, i.acceptedAt, i.version);
    }
}
