package io.partnerplan.notification.webhook;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;

import org.jboss.logging.Logger;

import io.partnerplan.notification.delivery.Channel;
import io.partnerplan.notification.delivery.Deliveries;
import io.partnerplan.platform.concurrency.Rounds;
import io.quarkus.scheduler.Scheduled;

/**
 * Drains queued webhook deliveries: claims due ones across tenants (safe with replicas), groups them
 * by endpoint and hands each endpoint to a bounded pool. It does not wait for the endpoints, and
 * does not claim for an endpoint still being served, so a slow or hanging endpoint only delays itself.
 * <p>
 * A round runs when a consumer's transaction that queued deliveries commits ({@link #nudge()}) and
 * when an endpoint's batch is done (what was queued for it meanwhile goes at once), so an event reaches
 * its subscribers in milliseconds rather than at the next tick. The periodic round stays as the safety
 * net: retries falling due, deliveries queued by another replica, nudges lost in a crash.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    /** One endpoint's share of a round: the rest waits for the next round, behind other endpoints. */
    private static final int PER_ENDPOINT = 20;

    private final Deliveries deliveries;
    private final WebhookSender sender;
    private final WebhookConfig config;
    private final ExecutorService pool;
    private final Set<String> busy = ConcurrentHashMap.newKeySet();
    private final Rounds rounds = new Rounds("webhook-nudge", this::roundInRequestContext);

    public WebhookDispatcher(Deliveries deliveries, WebhookSender sender, WebhookConfig config) {
        this.deliveries = deliveries;
        this.sender = sender;
        this.config = config;
        this.pool = Executors.newFixedThreadPool(config.concurrency(), Thread.ofPlatform().name("webhook-", 0).daemon().factory());
    }

    /** Asks for a round now (coalesced with other nudges), on the dispatcher's own thread. */
    public void nudge() {
        rounds.nudge();
    }

    @Scheduled(every = "${partnerplan.webhooks.interval:1s}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void dispatch() {
        // The periodic and the nudged rounds never claim at the same time (the busy set is read before
        // the claim and filled after it).
        rounds.run();
    }

    @ActivateRequestContext
    void roundInRequestContext() {
        round();
    }

    private void round() {
        if (busy.size() >= config.concurrency()) {
            return;
        }
        List<Deliveries.Claimed> batch = deliveries.claim(Channel.WEBHOOK, config.batchSize(), PER_ENDPOINT, Set.copyOf(busy), config.lease());
        Map<String, List<Deliveries.Claimed>> byEndpoint = new LinkedHashMap<>();
        for (Deliveries.Claimed delivery : batch) {
            byEndpoint.computeIfAbsent(delivery.recipient(), k -> new java.util.ArrayList<>()).add(delivery);
        }
        byEndpoint.forEach((endpoint, claimed) -> {
            busy.add(endpoint);
            try {
                pool.execute(() -> {
                    try {
                        sender.deliver(UUID.fromString(endpoint), claimed);
                    } catch (RuntimeException e) {
                        // The claimed rows are retried when their lease ends.
                        LOG.errorf(e, "Webhook deliveries to %s interrupted", endpoint);
                    } finally {
                        busy.remove(endpoint);
                    }
                    nudge(); // what was queued for this endpoint while it was busy need not wait for the tick
                });
            } catch (RejectedExecutionException e) {
                busy.remove(endpoint); // shutting down: the lease hands the rows to the next start
            }
        });
    }

    @PreDestroy
    void stop() throws InterruptedException {
        rounds.close();
        pool.shutdown();
        pool.awaitTermination(5, TimeUnit.SECONDS);
    }
}
