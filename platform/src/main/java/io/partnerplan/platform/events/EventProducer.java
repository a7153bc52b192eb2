package io.partnerplan.platform.events;

import java.util.Map;
import java.util.Properties;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The Kafka producer behind the outbox relay. A plain client rather than a reactive emitter: the
 * relay must block until the broker acknowledges a batch before it marks the rows sent, and must
 * fail fast (seconds, not minutes) when the broker is away so the rows simply wait for the next round.
 */
@ApplicationScoped
public class EventProducer {

    private final KafkaConnection connection;
    private final int timeoutMs;
    private volatile Producer<String, String> producer;

    public EventProducer(KafkaConnection connection,
                         @ConfigProperty(name = "partnerplan.outbox.send-timeout-ms", defaultValue = "10000") int timeoutMs) {
        this.connection = connection;
        this.timeoutMs = timeoutMs;
    }

    public Producer<String, String> producer() {
        Producer<String, String> current = producer;
        if (current == null) {
            synchronized (this) {
                if (producer == null) {
                    producer = create();
                }
                current = producer;
            }
        }
        return current;
    }

    public int timeoutMs() {
        return timeoutMs;
    }

    private Producer<String, String> create() {
        Properties props = new Properties();
        // Where the brokers are and how to authenticate (SASL_SSL in a cluster): as every channel.
        props.putAll(connection.settings());
        props.putAll(Map.of(
                ProducerConfig.ACKS_CONFIG, "all",
                // Idempotence keeps per-partition order across the producer's own retries.
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMs,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.max(1000, timeoutMs / 2),
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeoutMs,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
        return new KafkaProducer<>(props);
    }

    @PreDestroy
    void close() {
        if (producer != null) {
            producer.close(java.time.Duration.ofSeconds(5));
        }
    }
}
