package io.partnerplan.platform.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.partnerplan.platform.events.EventTypes;

/**
 * A plain Kafka client for tests against the real broker: read what a service published, or
 * publish what another service would.
 */
public final class KafkaProbe {

    private KafkaProbe() {
    }

    public static String bootstrap() {
        String fromEnv = System.getenv("PP_KAFKA_BOOTSTRAP");
        return fromEnv != null ? fromEnv : System.getProperty("partnerplan.test.kafka");
    }

    /**
     * Where the broker is and how to log in, for a test's own client: the bootstrap address and the
     * {@code KAFKA_SECURITY_PROTOCOL}, {@code KAFKA_SASL_*} and {@code KAFKA_SSL_*} settings of the
     * environment (scripts/infra writes them with {@code PP_KAFKA_SASL=1}), as the services read them.
     */
    public static Properties connection() {
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrap());
        System.getenv().forEach((name, value) -> {
            if (name.startsWith("KAFKA_SECURITY_") || name.startsWith("KAFKA_SASL_") || name.startsWith("KAFKA_SSL_")) {
                props.put(name.substring("KAFKA_".length()).toLowerCase(java.util.Locale.ROOT).replace('_', '.'), value);
            }
        });
        return props;
    }

    /** Reads {@code topic} from the beginning until a record matches or the timeout passes. */
    public static ConsumerRecord<String, String> awaitRecord(String topic, Duration timeout,
                                                             Predicate<ConsumerRecord<String, String>> match) {
        Properties props = new Properties();
        props.putAll(connection());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(topic));
            Instant end = Instant.now().plus(timeout);
            while (Instant.now().isBefore(end)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(250))) {
                    if (match.test(record)) {
                        return record;
                    }
                }
            }
        }
        throw new AssertionError("No matching record on " + topic + " within " + timeout);
    }

    /** Every record of {@code topic} matching, read from the beginning for {@code window}: to prove "only once". */
    public static java.util.List<ConsumerRecord<String, String>> allRecords(String topic, Duration window,
                                                                          Predicate<ConsumerRecord<String, String>> match) {
        Properties props = new Properties();
        props.putAll(connection());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        java.util.List<ConsumerRecord<String, String>> found = new java.util.ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(topic));
            Instant end = Instant.now().plus(window);
            while (Instant.now().isBefore(end)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(250))) {
                    if (match.test(record)) {
                        found.add(record);
                    }
                }
            }
        }
        return found;
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /**
     * Sends one record with the given headers and waits for the broker's acknowledgement. A
     * PartnerPlan event (a {@code ce_type} header) must match its contract in docs/events/schemas,
     * so a consumer is tested only with what its producer can send; properties the example leaves
     * out are sent as null where the contract allows it ({@link EventContracts#completeWithNulls}).
     */
    public static void send(String topic, String key, String value, Map<String, String> headers) {
        String type = headers.get("ce_type");
        if (type != null) {
            String shortName = EventTypes.shortName(type);
            value = EventContracts.completeWithNulls(shortName, value);
            EventContracts.check(shortName, value);
        }
        sendUnchecked(topic, key, value, headers);
    }

    /** Sends whatever it is given: for tests of what a consumer does with a malformed or unknown event. */
    public static void sendUnchecked(String topic, String key, String value, Map<String, String> headers) {
        Properties props = new Properties();
        props.putAll(connection());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            RecordHeaders recordHeaders = new RecordHeaders();
            headers.forEach((k, v) -> recordHeaders.add(k, v.getBytes(StandardCharsets.UTF_8)));
            producer.send(new ProducerRecord<>(topic, null, key, value, recordHeaders)).get();
        } catch (Exception e) {
            throw new IllegalStateException("Could not send to " + topic, e);
        }
    }

    /** A CloudEvent in binary mode caused by {@code actor}, as a PartnerPlan service publishes it. */
    public static Map<String, String> cloudEventHeaders(String id, String type, String subject, String tenant, String actor) {
        Map<String, String> headers = new java.util.HashMap<>(cloudEventHeaders(id, type, subject, tenant));
        headers.put("ce_actor", actor);
        return headers;
    }

    /** A CloudEvent in binary mode, as a PartnerPlan service publishes it. */
    public static Map<String, String> cloudEventHeaders(String id, String type, String subject, String tenant) {
        return Map.of("ce_specversion", "1.0", "ce_id", id, "ce_source", "/partnerplan/test",
                "ce_type", type, "ce_subject", subject, "ce_time", Instant.now().toString(),
                "ce_tenantid", tenant, "content-type", "application/json");
    }

}
