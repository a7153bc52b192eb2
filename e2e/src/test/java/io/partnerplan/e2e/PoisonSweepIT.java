package io.partnerplan.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.partnerplan.platform.testing.KafkaProbe;
import io.partnerplan.platform.testing.Repository;

/**
 * Poison on every consumed topic: a body that is not JSON, and a record without CloudEvents headers.
 * Every consumer of every topic (read from the services' configuration, so a new consumer is swept
 * without anyone adding it here) parks both in its own DLQ with the reason, and goes on consuming:
 * its committed offset moves past them.
 */
class PoisonSweepIT {

    private static final Pattern CHANNEL = Pattern.compile("mp\\.messaging\\.incoming\\.([a-z0-9-]+)\\.topic");

    @BeforeAll
    static void stack() throws Exception {
        E2eStack.ensureUp();
    }

    /** One consumer: a service's incoming channel. */
    record Consumer(String service, String topic, String group, String dlq) {
    }

    @Test
    void everyConsumerOfEveryTopicDeadLettersPoisonWithItsReasonAndGoesOn() throws Exception {
        List<Consumer> consumers = consumers();
        assertTrue(consumers.size() >= 8, "consumers found: " + consumers);
        Map<String, List<RecordMetadata>> sent = new TreeMap<>();
        Map<String, List<String>> keys = new TreeMap<>();
        // Both on partition 0, so "past the second" means past both.
        try (KafkaProducer<String, String> producer = producer()) {
            for (String topic : consumers.stream().map(Consumer::topic).distinct().toList()) {
                String notJson = "poison-" + UUID.randomUUID();
                String noHeaders = "poison-" + UUID.randomUUID();
                RecordHeaders ce = new RecordHeaders();
                KafkaProbe.cloudEventHeaders(UUID.randomUUID().toString(), "io.partnerplan.plan.created.v1", notJson, "t-poison")
                        .forEach((k, v) -> ce.add(k, v.getBytes(StandardCharsets.UTF_8)));
                sent.put(topic, List.of(
                        producer.send(new ProducerRecord<>(topic, 0, notJson, "{not json", ce)).get(),
                        producer.send(new ProducerRecord<>(topic, 0, noHeaders, "{\"planId\":\"x\"}")).get()));
                keys.put(topic, List.of(notJson, noHeaders));
            }
        }

        List<String> table = new ArrayList<>();
        for (Consumer c : consumers) {
            List<String> poison = keys.get(c.topic());
            var parked = parked(c.dlq(), poison);
            assertEquals(2, parked.size(), c + ": both poison records in " + c.dlq() + ", once each: " + parked);
            List<String> reasons = new ArrayList<>();
            for (var r : parked) {
                String reason = KafkaProbe.header(r, "dead-letter-reason");
                assertFalse(reason == null || reason.isBlank(), c + ": " + r.key() + " has no dead-letter-reason");
                reasons.add(reason);
            }
            assertTrue(reasons.stream().anyMatch(r -> r.contains("not JSON")), c + ": " + reasons);
            assertTrue(reasons.stream().anyMatch(r -> r.contains("missing CloudEvents header")), c + ": " + reasons);
            long after = sent.get(c.topic()).stream().mapToLong(RecordMetadata::offset).max().orElseThrow();
            TopicPartition partitionOfLast = partitionOf(sent.get(c.topic()), after);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                    assertTrue(committed(c.group(), partitionOfLast) > after,
                            c + " has not committed past its poison (offset " + after + ")"));
            table.add("%-22s %-38s -> %-50s 2 parked, committed past offset %d".formatted(
                    c.service(), c.topic(), c.dlq(), after));
        }
        System.out.println("Poison sweep reconciliation (" + consumers.size() + " consumers, "
                + sent.size() + " topics, " + 2 * sent.size() + " poison records, " + 2 * consumers.size()
                + " dead letters):\n  " + String.join("\n  ", table));
    }

    /** The DLQ's records with these keys, read from the beginning until all are there (or 30 s pass). */
    private static List<ConsumerRecord<String, String>> parked(String dlq, List<String> keys) {
        Properties props = new Properties();
        props.putAll(KafkaProbe.connection());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(dlq));
            long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            // Once all are found, one more poll: a doubled dead letter would sit right behind them.
            boolean complete = false;
            while (System.nanoTime() < end) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    if (keys.contains(r.key())) {
                        found.add(r);
                    }
                }
                if (complete) {
                    break;
                }
                complete = found.size() >= keys.size();
            }
        }
        return found;
    }

    private static TopicPartition partitionOf(List<RecordMetadata> sent, long offset) {
        RecordMetadata m = sent.stream().filter(r -> r.offset() == offset).findFirst().orElseThrow();
        return new TopicPartition(m.topic(), m.partition());
    }

    private static long committed(String group, TopicPartition partition) throws Exception {
        Properties props = new Properties();
        props.putAll(KafkaProbe.connection());
        try (Admin admin = Admin.create(props)) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            OffsetAndMetadata at = offsets.get(partition);
            return at == null ? -1 : at.offset();
        }
    }

    /** Every incoming channel of every service, with its group and DLQ, from its application.properties. */
    static List<Consumer> consumers() throws IOException {
        List<Consumer> found = new ArrayList<>();
        for (String service : List.of("plan-service", "kpi-service", "calendar-service", "notification-service")) {
            Path file = Repository.root().resolve(service + "/src/main/resources/application.properties");
            Properties p = new Properties();
            try (Reader in = Files.newBufferedReader(file)) {
                p.load(in);
            }
            for (String name : p.stringPropertyNames()) {
                Matcher m = CHANNEL.matcher(name);
                if (m.matches()) {
                    String channel = "mp.messaging.incoming." + m.group(1) + ".";
                    assertEquals("dead-letter-queue", p.getProperty(channel + "failure-strategy"), service + " " + channel);
                    found.add(new Consumer(service, p.getProperty(name), p.getProperty(channel + "group.id"),
                            p.getProperty(channel + "dead-letter-queue.topic")));
                }
            }
        }
        found.sort(java.util.Comparator.comparing(Consumer::topic).thenComparing(Consumer::service));
        return found;
    }

    private static KafkaProducer<String, String> producer() {
        Properties props = new Properties();
        props.putAll(KafkaProbe.connection());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(props);
    }

}
