package io.partnerplan.notification.email;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;

import org.jboss.logging.Logger;

import io.partnerplan.notification.delivery.Backoff;
import io.partnerplan.notification.delivery.Channel;
import io.partnerplan.notification.delivery.Deliveries;
import io.quarkus.scheduler.Scheduled;

/**
 * Drains queued emails: claims due ones (safe with any number of replicas), sends each outside any
 * transaction, and records the outcome; a failed send is retried with backoff until the attempts
 * are spent. A mail server outage therefore delays mail, never loses it, and never blocks Kafka.
 */
@ApplicationScoped
public class EmailDispatcher {

    private static final Logger LOG = Logger.getLogger(EmailDispatcher.class);

    private final Deliveries deliveries;
    private final EmailSender sender;
    private final EmailConfig config;

    public EmailDispatcher(Deliveries deliveries, EmailSender sender, EmailConfig config) {
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
                try {
                    sender.send(email);
                } catch (RuntimeException e) {
                    String reason = rootMessage(e);
                    boolean gaveUp = deliveries.attemptFailed(email, reason, null, config.maxAttempts(), backoff);
                    LOG.warnf("Email %s (%s) not sent, attempt %d%s: %s", email.id(), email.eventType(), email.attempts() + 1,
                            gaveUp ? ", giving up" : ", will retry", reason);
                    continue;
                }
                deliveries.sent(email, null);
            }
        } while (batch.size() == config.batchSize());
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
