package io.partnerplan.plan.plan;

import java.util.Optional;
import java.util.UUID;

/**
 * A person's role on one plan, as its membership says (implemented by the member package, so the
 * plan does not reach into membership). Roles are written as in tokens: {@code vendor-manager}.
 */
public interface MemberRoles {

    /** The role of the member with this subject on the plan, with their organisation; empty when not a member. */
    Optional<Membership> of(UUID planId, String subject);

    record Membership(UUID organisationId, String role) {
    }
}
