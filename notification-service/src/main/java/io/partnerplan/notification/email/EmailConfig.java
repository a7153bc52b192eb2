package io.partnerplan.notification.email;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code partnerplan.email.*}: how the email dispatcher drains the delivery queue. */
@ConfigMapping(prefix = "partnerplan.email")
public interface EmailConfig {

    /** Send email at all; off, notifications still reach the inbox and deliveries wait. */
    @WithDefault("true")
    boolean enabled();

    /** How often the dispatcher looks for due emails (read by its {@code @Scheduled}). */
    @WithDefault("2s")
    Duration interval();

    /** Attempts per email before it is given up as FAILED (and notification.failed is emitted). */
    @WithDefault("8")
    int maxAttempts();

    /** First retry delay; doubled per attempt up to {@link #backoffMax()}, with jitter. */
    @WithDefault("30s")
    Duration backoffInitial();

    @WithDefault("1h")
    Duration backoffMax();

    /** Emails claimed per round by one replica. */
    @WithDefault("50")
    int batchSize();

    /** How long a claimed email is reserved for the replica sending it; longer than an SMTP timeout. */
    @WithDefault("5m")
    Duration lease();

    /** How long one SMTP send may take before it counts as a failed attempt (and is retried). */
    @WithDefault("30s")
    Duration sendTimeout();

    /** The domain part of the Message-IDs this service gives its emails (best: the sender address's domain). */
    @WithDefault("partnerplan.local")
    String messageIdDomain();

    /** Where people open what a notification links to (the front end or gateway), prefixed to its path. */
    @WithDefault("http://localhost:8080")
    String linkBaseUrl();
}
