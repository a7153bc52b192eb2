package io.partnerplan.notification.delivery;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.scheduler.Scheduled;

/**
 * {@code partnerplan_deliveries{channel,status}}: emails and webhook calls waiting to be sent
 * ({@code PENDING}, retries included) and given up ({@code FAILED}: a webhook's dead letters, an
 * email after its last attempt), over all tenants. Sampled from the database every
 * {@code partnerplan.metrics.interval} (both states have a partial index), not on the scrape.
 */
@ApplicationScoped
public class DeliveryMetrics {

    private static final Logger LOG = Logger.getLogger(DeliveryMetrics.class);
    private static final List<String> CHANNELS = List.of("EMAIL", "WEBHOOK");
    private static final List<String> STATES = List.of("PENDING", "FAILED");

    private final DataSource dataSource;
    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();

    public DeliveryMetrics(DataSource dataSource, MeterRegistry registry) {
        this.dataSource = dataSource;
        for (String channel : CHANNELS) {
            for (String status : STATES) {
                AtomicLong count = new AtomicLong();
                counts.put(channel + "/" + status, count);
                Gauge.builder("partnerplan.deliveries", count, AtomicLong::doubleValue)
                        .description("Email and webhook deliveries by channel and status (PENDING: to send; FAILED: given up)")
                        .tags(Tags.of("channel", channel, "status", status)).register(registry);
            }
        }
    }

    @Scheduled(every = "${partnerplan.metrics.interval:15s}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sample() {
        Map<String, Long> found = new java.util.HashMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     select channel, status, count(*) from delivery where status = 'PENDING' group by channel, status
                     union all
                     select channel, status, count(*) from delivery where status = 'FAILED' group by channel, status""");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                found.put(r.getString(1) + "/" + r.getString(2), r.getLong(3));
            }
        } catch (SQLException e) {
            LOG.debugf("delivery metrics not sampled: %s", e.getMessage());
            return;
        }
        counts.forEach((key, count) -> count.set(found.getOrDefault(key, 0L)));
    }
}
