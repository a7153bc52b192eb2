package io.partnerplan.platform.observability;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.partnerplan.platform.events.KafkaConnection;
import io.quarkus.scheduler.Scheduled;

/**
 * What the service's consumers leave behind, read from the broker (so it holds across restarts and
 * replicas, and shows a consumer that is not running at all):
 * <ul>
 * <li>{@code partnerplan_consumer_lag{group,topic}}: events of the topic its consumer group has not
 * committed yet, summed over partitions;</li>
 * <li>{@code partnerplan_dead_letters{topic}}: events parked on each of its dead-letter topics
 * (end offset minus start offset, so retention lowers it).</li>
 * </ul>
 * The channels come from the service's configuration ({@code mp.messaging.incoming.<channel>.topic},
 * {@code .group.id}, {@code .dead-letter-queue.topic}). Every replica reports the same values: take
 * {@code max} across pods, not {@code sum}.
 */
@ApplicationScoped
public class KafkaMetrics {

    private static final Logger LOG = Logger.getLogger(KafkaMetrics.class);

    private final KafkaConnection connection;
    private final MeterRegistry registry;
    private final Map<String, Set<String>> topicsByGroup = new HashMap<>();
    private final Set<String> deadLetterTopics = new TreeSet<>();
    private final Map<String, AtomicLong> gauges = new ConcurrentHashMap<>();
    private volatile Admin admin;

    public KafkaMetrics(KafkaConnection connection, MeterRegistry registry, Config config) {
        this.connection = connection;
        this.registry = registry;
        for (String name : config.getPropertyNames()) {
            if (name.startsWith("mp.messaging.incoming.") && name.endsWith(".topic") && !name.endsWith(".dead-letter-queue.topic")) {
                String channel = name.substring(0, name.length() - ".topic".length());
                config.getOptionalValue(channel + ".group.id", String.class).ifPresent(group -> topicsByGroup
                        .computeIfAbsent(group, g -> new TreeSet<>()).add(config.getValue(name, String.class)));
                config.getOptionalValue(channel + ".dead-letter-queue.topic", String.class).ifPresent(deadLetterTopics::add);
            }
        }
    }

    @Scheduled(every = "${partnerplan.metrics.interval:15s}", delayed = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sample() {
        if (topicsByGroup.isEmpty() && deadLetterTopics.isEmpty()) {
            return;
        }
        try {
            Admin kafka = admin();
            for (Map.Entry<String, Set<String>> group : topicsByGroup.entrySet()) {
                Map<TopicPartition, OffsetAndMetadata> committed = kafka.listConsumerGroupOffsets(group.getKey())
                        .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
                Map<TopicPartition, Long> ends = offsets(kafka, group.getValue(), OffsetSpec.latest());
                for (String topic : group.getValue()) {
                    long lag = 0;
                    for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
                        if (end.getKey().topic().equals(topic)) {
                            OffsetAndMetadata done = committed.get(end.getKey());
                            lag += Math.max(0, end.getValue() - (done == null ? 0 : done.offset()));
                        }
                    }
                    lagOf(group.getKey(), topic).set(lag);
                }
            }
            if (!deadLetterTopics.isEmpty()) {
                Map<TopicPartition, Long> ends = offsets(kafka, deadLetterTopics, OffsetSpec.latest());
                Map<TopicPartition, Long> starts = offsets(kafka, deadLetterTopics, OffsetSpec.earliest());
                for (String topic : deadLetterTopics) {
                    long parked = ends.entrySet().stream().filter(e -> e.getKey().topic().equals(topic))
                            .mapToLong(e -> e.getValue() - starts.getOrDefault(e.getKey(), 0L)).sum();
                    deadLettersOf(topic).set(parked);
                }
            }
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOG.debugf("Kafka metrics not sampled: %s", e.getMessage());
        }
    }

    private static Map<TopicPartition, Long> offsets(Admin kafka, Set<String> topics, OffsetSpec spec) throws Exception {
        Map<String, TopicDescription> described = kafka.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        described.values().forEach(d -> d.partitions().forEach(p -> request.put(new TopicPartition(d.name(), p.partition()), spec)));
        Map<TopicPartition, ListOffsetsResultInfo> result = kafka.listOffsets(request).all().get(10, TimeUnit.SECONDS);
        return result.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    private AtomicLong lagOf(String group, String topic) {
        return gauges.computeIfAbsent("lag " + group + " " + topic, key -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder("partnerplan.consumer.lag", value, AtomicLong::doubleValue)
                    .description("Events of the topic the consumer group has not committed")
                    .tags(Tags.of("group", group, "topic", topic)).register(registry);
            return value;
        });
    }

    private AtomicLong deadLettersOf(String topic) {
        return gauges.computeIfAbsent("dlq " + topic, key -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder("partnerplan.dead.letters", value, AtomicLong::doubleValue)
                    .description("Events parked on the dead-letter topic").tags(Tags.of("topic", topic)).register(registry);
            return value;
        });
    }

    private Admin admin() {
        Admin current = admin;
        if (current == null) {
            synchronized (this) {
                if (admin == null) {
                    Map<String, Object> config = connection.settings();
                    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
                    config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
                    config.put(AdminClientConfig.CLIENT_ID_CONFIG, "partnerplan-metrics");
                    admin = Admin.create(config);
                }
                current = admin;
            }
        }
        return current;
    }

    @PreDestroy
    void close() {
        if (admin != null) {
            admin.close(java.time.Duration.ofSeconds(2));
        }
    }

    List<String> deadLetterTopics() {
        return List.copyOf(deadLetterTopics);
    }
}
