package io.partnerplan.platform.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

class KafkaConnectionTest {

    @Test
    void thePlainClientsTakeTheConnectionPartOfTheBrokerSettings() {
        Map<String, Object> broker = Map.of(
                "bootstrap.servers", "kafka:9093",
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"u\" password=\"p\";",
                "ssl.truststore.type", "PEM",
                "ssl.truststore.location", "/etc/ca.crt",
                "group.id", "plan-service",
                "auto.offset.reset", "earliest",
                "ssl.keystore.password", "");
        Map<String, Object> connection = new KafkaConnection(broker).settings();
        assertEquals(Map.of(
                "bootstrap.servers", "kafka:9093",
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"u\" password=\"p\";",
                "ssl.truststore.type", "PEM",
                "ssl.truststore.location", "/etc/ca.crt"), connection,
                "connection settings only: no consumer settings, no blank values");
    }
}
