package io.partnerplan.bench.reference;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/** One Kafka producer with the services' settings (acks=all, idempotent, linger 5 ms), and the table. */
@ApplicationScoped
public class Events {

    private static final Logger LOG = Logger.getLogger(Events.class);

    private final KafkaProducer<String, String> producer;
    private final AtomicLong failed = new AtomicLong();

    public Events(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap) {
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
    }

    void createTable(@Observes StartupEvent start, DataSource db) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("create table if not exists reference_row (id uuid primary key, title text not null, created_at timestamptz not null)");
        }
    }

    void send(ProducerRecord<String, String> record) {
        producer.send(record, (meta, error) -> {
            if (error != null && failed.incrementAndGet() % 1000 == 1) {
                LOG.warnf("Kafka send failed (%d so far): %s", failed.get(), error.getMessage());
            }
        });
    }

    @PreDestroy
    void close() {
        producer.close();
    }
}
