package io.partnerplan.notification.email;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;

import org.jboss.logging.Logger;

import io.partnerplan.notification.delivery.Backoff;
import io.partnerplan.notification.delivery.Channel;
import io.opentelemetry.api.trace.SpanKind;
import io.partnerplan.notification.delivery.Deliveries;
import io.partnerplan.platform.tracing.Traces;
import io.quarkus.scheduler.Scheduled;

/**
 * Drains queued emails: claims due ones (safe with any number of replicas), sends each outside any
 * transaction, and records the outcome; a failed send is retried with backoff until the attempts
 * are spent. A mail server outage therefore delays mail, never loses it, and never blocks Kafka.
 *
 * <p>What remains: an attempt that times out may still be accepted by the relay, so a member can get an
 * email twice (at least once, not exactly once). Both copies carry the same Message-ID (fixed per event and
 * recipient before the first attempt), which stores and relays that deduplicate collapse, and the delivery
 * row counts such attempts ({@code unconfirmed_attempts}) and names the Message-ID in its last error.
 */
@ApplicationScoped
public class EmailDispatcher {

    private static final Logger LOG = Logger.getLogger(EmailDispatcher.class);

    private final Deliveries deliveries;
    private final EmailSender sender;
    private final EmailConfig config;
    private final Traces traces;

    public EmailDispatcher(Deliveries deliveries, EmailSender sender, EmailConfig config, Traces traces) {
        this.traces = traces;
        this.deliveries = deliveries;
        this.sender = sender;
        this.config = config;
    }

    @Scheduled(every = "${partnerplan.email.interval:2s}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @ActivateRequestContext
    void dispatch() {
        if (!config.enabled()) {
            return;
        }
        Backoff backoff = new Backoff(config.backoffInitial(), config.backoffMax());
        List<Deliveries.Claimed> batch;
        do {
            batch = deliveries.claim(Channel.EMAIL, config.batchSize(), config.lease());
            for (Deliveries.Claimed email : batch) {
                // Noted (and committed) before the relay sees it: every attempt of this email carries one Message-ID.
                String messageId = deliveries.attemptStarting(email, EmailSender.messageId(email, config));
                try {
                    traces.inSpan("email send", SpanKind.CLIENT, email.trace(), Map.of(
                            "partnerplan.delivery.id", email.id().toString(),
                            "cloudevents.event_id", email.eventId(),
                            "cloudevents.event_type", email.eventType()), () -> sender.send(email, messageId));
                } catch (RuntimeException e) {
                    boolean unconfirmed = timedOut(e);
                    String reason = (unconfirmed ? "outcome unknown, the relay may have accepted it late (a retry reuses "
                            + messageId + "): " : "") + rootMessage(e);
                    boolean gaveUp = deliveries.attemptFailed(email, reason, null, config.maxAttempts(), backoff, unconfirmed);
                    LOG.warnf("Email %s (%s) not sent, attempt %d%s: %s", email.id(), email.eventType(), email.attempts() + 1,
                            gaveUp ? ", giving up" : ", will retry", reason);
                    continue;
                }
                deliveries.sent(email, null);
            }
        } while (batch.size() == config.batchSize());
    }

    /** The send timed out: the relay may have accepted the message after we stopped waiting. */
    static boolean timedOut(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof io.smallrye.mutiny.TimeoutException || t instanceof java.util.concurrent.TimeoutException) {
                return true;
            }
        }
        return false;
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
