package io.partnerplan.notification.digest;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

/** Looks for due digests; runs on every replica, digest_run keeps each digest to one. */
@ApplicationScoped
public class DigestJob {

    private static final Logger LOG = Logger.getLogger(DigestJob.class);

    private final Digests digests;

    public DigestJob(Digests digests) {
        this.digests = digests;
    }

    @Scheduled(every = "${partnerplan.digest.interval:1m}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        for (Digests.Waiting waiting : digests.waiting()) {
            try {
                if (digests.sendIfDue(waiting)) {
                    LOG.debugf("Digest %s sent to %s", waiting.frequency(), waiting.subject());
                }
            } catch (RuntimeException e) {
                // Two replicas racing for the same digest: the loser's insert waited and found the key taken,
                // or failed; either way the member gets one digest. Others go on.
                LOG.warnf("Digest %s for %s not sent: %s", waiting.frequency(), waiting.subject(), e.getMessage());
            }
        }
    }
}
