package io.partnerplan.plan.member;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code partnerplan.invitations.*}: how long an invitation to a plan can be accepted. */
@ConfigMapping(prefix = "partnerplan.invitations")
public interface InvitationConfig {

    @WithDefault("P14D")
    Duration validity();
}
