package io.partnerplan.notification.webhook;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code partnerplan.webhooks.*}: the SSRF rules, retries, timeouts and circuit breaker of webhooks. */
@ConfigMapping(prefix = "partnerplan.webhooks")
public interface WebhookConfig {

    /** Accept {@code http://} URLs. Development and tests only: production endpoints must use HTTPS. */
    @WithDefault("false")
    boolean allowInsecure();

    /** Accept URLs that resolve to loopback, private, link-local or other internal addresses. Dev/test only. */
    @WithDefault("false")
    boolean allowPrivateNetworks();

    /** How often the dispatcher looks for due deliveries. */
    @WithDefault("1s")
    Duration interval();

    @WithDefault("100")
    int batchSize();

    /** Endpoints served at once by one replica; each endpoint gets its deliveries one after another. */
    @WithDefault("8")
    int concurrency();

    /** Reservation of a claimed delivery; longer than connect + read timeout times a batch per endpoint. */
    @WithDefault("5m")
    Duration lease();

    @WithDefault("3s")
    Duration connectTimeout();

    /** Time allowed for the endpoint's answer; a hanging endpoint fails its attempt after this. */
    @WithDefault("10s")
    Duration readTimeout();

    /**
     * How long a connection to an endpoint stays open after an answer, for the next delivery to it (whole
     * seconds; 0: a new connection per attempt). Keep it below the receivers' own idle timeout.
     */
    @WithDefault("3s")
    Duration keepAlive();

    /** Attempts per delivery before it becomes a dead letter (FAILED, replayable). */
    @WithDefault("10")
    int maxAttempts();

    @WithDefault("10s")
    Duration backoffInitial();

    @WithDefault("1h")
    Duration backoffMax();

    /** Consecutive failures of an endpoint that open its circuit: it is skipped until the cool-down ends. */
    @WithDefault("5")
    int circuitFailureThreshold();

    /** After this, one trial delivery (half-open) decides whether the circuit closes or opens again. */
    @WithDefault("1m")
    Duration circuitCoolDown();

    /** AES key (base64 of 16, 24 or 32 bytes) the signing secrets are encrypted with at rest; required in production (SecretCipher). */
    java.util.Optional<String> secretKey();

    /** How long the previous secret still signs deliveries after a rotation. */
    @WithDefault("24h")
    Duration secretGracePeriod();
}
