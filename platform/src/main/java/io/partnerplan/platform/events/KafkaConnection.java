package io.partnerplan.platform.events;

import java.util.Map;
import java.util.TreeMap;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.smallrye.common.annotation.Identifier;

/**
 * How a service connects to Kafka, in one place: the {@code kafka.*} settings (environment
 * {@code KAFKA_*}) that Quarkus hands to every messaging channel as the default broker
 * configuration, of which the plain clients (the outbox producer, the topic bootstrap) take the
 * connection part: bootstrap servers, security protocol, SASL and TLS. So {@code KAFKA_SECURITY_PROTOCOL=SASL_SSL},
 * {@code KAFKA_SASL_MECHANISM}, {@code KAFKA_SASL_JAAS_CONFIG} and {@code KAFKA_SSL_TRUSTSTORE_*}
 * secure consumers, dead-letter producers and the outbox alike.
 */
@Singleton
public class KafkaConnection {

    private final Map<String, Object> settings;

    @Inject
    public KafkaConnection(@Identifier("default-kafka-broker") Map<String, Object> broker) {
        this.settings = connectionPart(broker);
    }

    /** The connection settings of a default-broker configuration (a copy; add the client's own). */
    public Map<String, Object> settings() {
        return new TreeMap<>(settings);
    }

    static Map<String, Object> connectionPart(Map<String, Object> broker) {
        Map<String, Object> connection = new TreeMap<>();
        broker.forEach((key, value) -> {
            boolean connects = key.equals("bootstrap.servers") || key.equals("security.protocol") || key.startsWith("sasl.")
                    || key.startsWith("ssl.") || key.equals("client.dns.lookup");
            if (connects && value != null && !value.toString().isBlank()) {
                connection.put(key, value);
            }
        });
        return Map.copyOf(connection);
    }
}
