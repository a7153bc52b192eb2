package io.partnerplan.plan.member;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A member of a plan; name, email, language and zone are the person's, from the directory. */
@Schema(name = "Member")
public record MemberView(UUID planId, UUID personId, String subject, UUID organisationId, String side, PlanRole role,
                         String displayName, String email, String locale, String timeZone, Instant addedAt) {
}
