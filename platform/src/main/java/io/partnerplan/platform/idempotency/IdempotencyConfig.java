package io.partnerplan.platform.idempotency;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "partnerplan.idempotency")
public interface IdempotencyConfig {

    /** How long an answer is remembered for its key. */
    @WithDefault("P1D")
    Duration retention();

    /**
     * Fault tests only (set by the e2e fault stack, never in production): a request whose key starts
     * with this prefix stops for good right after its transaction commits, before its answer is written,
     * so that a test can SIGKILL the service exactly between the effect's commit and the answer.
     */
    Optional<String> pauseAfterCommitKeyPrefix();
}
