package io.partnerplan.plan.member;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Member")
public record MemberView(UUID planId, String subject, UUID organisationId, String side, PlanRole role,
                         String displayName, String email, String locale, String timeZone, Instant addedAt) {
}
