package io.partnerplan.notification.webhook;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;

import org.jboss.logging.Logger;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.partnerplan.notification.delivery.Backoff;
import io.partnerplan.notification.delivery.Deliveries;
import io.partnerplan.platform.tracing.Traces;
import io.vertx.core.Vertx;

/**
 * Sends one endpoint's claimed deliveries, one after another, honouring its circuit breaker. Every
 * attempt re-checks the URL against the SSRF rules (the name may resolve elsewhere by now) and connects
 * to an address that check validated ({@link PinnedHttp}), has a connect and a read timeout, and never
 * follows redirects.
 */
@ApplicationScoped
public class WebhookSender {

    private static final Logger LOG = Logger.getLogger(WebhookSender.class);

    private final Deliveries deliveries;
    private final WebhookEndpoints endpoints;
    private final WebhookConfig config;
    private final PinnedHttp http;
    private final Traces traces;

    public WebhookSender(Deliveries deliveries, WebhookEndpoints endpoints, WebhookConfig config, Vertx vertx, Traces traces) {
        this.traces = traces;
        this.deliveries = deliveries;
        this.endpoints = endpoints;
        this.config = config;
        this.http = new PinnedHttp(vertx, new UrlGuard(config.allowInsecure(), config.allowPrivateNetworks(), UrlGuard.DNS),
                config.connectTimeout(), config.readTimeout(), config.keepAlive(), null);
    }

    record Outcome(boolean ok, Integer status, String error) {
    }

    /** Runs on the dispatcher's pool: its own request context, one transaction per recorded outcome. */
    @ActivateRequestContext
    public void deliver(UUID endpointId, List<Deliveries.Claimed> batch) {
        Backoff backoff = new Backoff(config.backoffInitial(), config.backoffMax());
        Optional<WebhookEndpoints.Endpoint> found = endpoints.load(endpointId);
        if (found.isEmpty()) {
            return; // deleted meanwhile, with its deliveries
        }
        WebhookEndpoints.Endpoint endpoint = found.get();
        for (Deliveries.Claimed delivery : batch) {
            Instant now = Instant.now();
            if (!endpoint.active()) {
                deliveries.defer(delivery, now.plus(config.interval().multipliedBy(30)));
                continue;
            }
            // OPEN: skipped, no attempt spent. HALF_OPEN: this delivery is the trial; its outcome
            // closes the circuit or opens it again for the ones after it.
            if (endpoint.circuit(now) == Circuit.OPEN) {
                deliveries.defer(delivery, endpoint.openUntil());
                continue;
            }
            if (endpoint.circuit(now) == Circuit.HALF_OPEN && !endpoints.claimTrial(endpoint, now, config.circuitCoolDown())) {
                // Another replica is making the trial call: wait for its outcome like for an open circuit.
                endpoint = endpoints.load(endpointId).orElse(endpoint);
                deliveries.defer(delivery, endpoint.openUntil() != null ? endpoint.openUntil() : now.plus(config.interval()));
                continue;
            }
            WebhookEndpoints.Endpoint to = endpoint;
            Outcome outcome = traces.inSpan("webhook deliver", SpanKind.CLIENT, delivery.trace(), Map.of(
                    "partnerplan.delivery.id", delivery.id().toString(),
                    "partnerplan.webhook.id", endpointId.toString(),
                    "cloudevents.event_id", delivery.eventId(),
                    "cloudevents.event_type", delivery.eventType()), () -> {
                Outcome attempted = attempt(to, delivery);
                Span span = Span.current();
                if (attempted.status() != null) {
                    span.setAttribute("http.response.status_code", attempted.status());
                }
                if (!attempted.ok()) {
                    span.setStatus(StatusCode.ERROR, attempted.error());
                }
                return attempted;
            });
            if (outcome.ok()) {
                deliveries.sent(delivery, outcome.status());
                // Closing the circuit is a statement and a transaction: only when there is something to close
                // (failures counted or a circuit open or half-open as this batch knows the endpoint), not after
                // every delivery to a healthy endpoint.
                if (endpoint.consecutiveFailures() > 0 || endpoint.openUntil() != null) {
                    endpoint = endpoints.succeeded(endpoint);
                }
            } else {
                boolean gaveUp = deliveries.attemptFailed(delivery, outcome.error(), outcome.status(), config.maxAttempts(), backoff);
                endpoint = endpoints.failed(endpoint, config.circuitFailureThreshold(), config.circuitCoolDown());
                LOG.infof("Webhook delivery %s to %s failed (attempt %d%s): %s", delivery.id(), endpointId,
                        delivery.attempts() + 1, gaveUp ? ", now a dead letter" : "", outcome.error());
            }
        }
    }

    Outcome attempt(WebhookEndpoints.Endpoint endpoint, Deliveries.Claimed delivery) {
        long timestamp = Instant.now().getEpochSecond();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("User-Agent", "PartnerPlan-Webhooks/1.0");
        headers.put("PartnerPlan-Event-Id", delivery.eventId());
        headers.put("PartnerPlan-Event-Type", delivery.eventType());
        headers.put("PartnerPlan-Delivery-Id", delivery.id().toString());
        headers.put(Signatures.HEADER, Signatures.header(timestamp, delivery.payload(), endpoint.secrets()));
        PinnedHttp.Answer answer = http.post(endpoint.url(), headers, delivery.payload());
        if (answer.status() == null) {
            return new Outcome(false, null, answer.error());
        }
        int status = answer.status();
        return status >= 200 && status < 300 ? new Outcome(true, status, null)
                : new Outcome(false, status, "endpoint answered HTTP " + status);
    }

    @PreDestroy
    void close() {
        http.close();
    }
}
