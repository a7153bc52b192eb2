package io.partnerplan.notification.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;

import org.jboss.logging.Logger;

import io.partnerplan.notification.delivery.Backoff;
import io.partnerplan.notification.delivery.Deliveries;

/**
 * Sends one endpoint's claimed deliveries, one after another, honouring its circuit breaker. Every
 * attempt re-checks the URL against the SSRF rules (the name may resolve elsewhere by now), has a
 * connect and a read timeout, and never follows redirects.
 */
@ApplicationScoped
public class WebhookSender {

    private static final Logger LOG = Logger.getLogger(WebhookSender.class);

    private final Deliveries deliveries;
    private final WebhookEndpoints endpoints;
    private final WebhookConfig config;
    private final UrlGuard guard;
    private final HttpClient http;

    public WebhookSender(Deliveries deliveries, WebhookEndpoints endpoints, WebhookConfig config) {
        this.deliveries = deliveries;
        this.endpoints = endpoints;
        this.config = config;
        this.guard = new UrlGuard(config.allowInsecure(), config.allowPrivateNetworks(), UrlGuard.DNS);
        this.http = HttpClient.newBuilder().connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
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
            Outcome outcome = attempt(endpoint, delivery);
            if (outcome.ok()) {
                deliveries.sent(delivery, outcome.status());
                endpoint = endpoints.succeeded(endpoint);
            } else {
                boolean gaveUp = deliveries.attemptFailed(delivery, outcome.error(), outcome.status(), config.maxAttempts(), backoff);
                endpoint = endpoints.failed(endpoint, config.circuitFailureThreshold(), config.circuitCoolDown());
                LOG.infof("Webhook delivery %s to %s failed (attempt %d%s): %s", delivery.id(), endpointId,
                        delivery.attempts() + 1, gaveUp ? ", now a dead letter" : "", outcome.error());
            }
        }
    }

    Outcome attempt(WebhookEndpoints.Endpoint endpoint, Deliveries.Claimed delivery) {
        Optional<String> blocked = guard.violation(endpoint.url());
        if (blocked.isPresent()) {
            return new Outcome(false, null, "url refused: " + blocked.get());
        }
        long timestamp = Instant.now().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint.url()))
                .timeout(config.readTimeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "PartnerPlan-Webhooks/1.0")
                .header("PartnerPlan-Event-Id", delivery.eventId())
                .header("PartnerPlan-Event-Type", delivery.eventType())
                .header("PartnerPlan-Delivery-Id", delivery.id().toString())
                .header(Signatures.HEADER, Signatures.header(timestamp, delivery.payload(), endpoint.secrets()))
                .POST(HttpRequest.BodyPublishers.ofString(delivery.payload()))
                .build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            // The answer's body is of no interest: close it rather than let an endpoint stream to us.
            response.body().close();
            int status = response.statusCode();
            return status >= 200 && status < 300 ? new Outcome(true, status, null)
                    : new Outcome(false, status, "endpoint answered HTTP " + status);
        } catch (HttpTimeoutException e) {
            return new Outcome(false, null, "no answer within " + config.readTimeout().toMillis() + " ms");
        } catch (ConnectException e) {
            return new Outcome(false, null, "connection failed: " + e.getMessage());
        } catch (IOException e) {
            return new Outcome(false, null, e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(false, null, "interrupted (shutting down)");
        }
    }

    @PreDestroy
    void close() {
        http.close();
    }
}
