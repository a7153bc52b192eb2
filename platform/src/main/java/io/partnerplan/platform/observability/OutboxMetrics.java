package io.partnerplan.platform.observability;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;

/**
 * The outbox's backlog: {@code partnerplan_outbox_backlog} (events written but not yet on Kafka) and
 * {@code partnerplan_outbox_oldest_age_seconds} (how long the oldest of them has waited; 0 when none).
 * Sampled from the database every {@code partnerplan.metrics.interval} (the partial index on unpublished
 * rows makes it cheap), not on the scrape: a slow database never slows the metrics endpoint.
 */
@ApplicationScoped
public class OutboxMetrics {

    private static final Logger LOG = Logger.getLogger(OutboxMetrics.class);

    private final DataSource dataSource;
    private final Clock clock;
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong oldestAgeSeconds = new AtomicLong();

    public OutboxMetrics(DataSource dataSource, Clock clock, MeterRegistry registry) {
        this.dataSource = dataSource;
        this.clock = clock;
        Gauge.builder("partnerplan.outbox.backlog", backlog, AtomicLong::doubleValue)
                .description("Outbox events not yet published to Kafka").register(registry);
        Gauge.builder("partnerplan.outbox.oldest.age", oldestAgeSeconds, AtomicLong::doubleValue)
                .description("Age of the oldest unpublished outbox event (0 when none)").baseUnit("seconds").register(registry);
    }

    @Scheduled(every = "${partnerplan.metrics.interval:15s}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sample() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select count(*), min(occurred_at) from outbox_event where published_at is null");
             ResultSet r = s.executeQuery()) {
            r.next();
            backlog.set(r.getLong(1));
            Timestamp oldest = r.getTimestamp(2);
            oldestAgeSeconds.set(oldest == null ? 0 : Math.max(0, clock.instant().getEpochSecond() - oldest.toInstant().getEpochSecond()));
        } catch (SQLException e) {
            LOG.debugf("outbox metrics not sampled: %s", e.getMessage());
        }
    }
}
