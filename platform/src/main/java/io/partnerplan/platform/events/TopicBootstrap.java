package io.partnerplan.platform.events;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/**
 * Creates the topics a service publishes to and reads from, before its consumers subscribe (a
 * consumer that subscribes to a missing topic is assigned its partitions seconds late). Off in
 * production, where Strimzi {@code KafkaTopic}s own the topics.
 */
@Singleton
public class TopicBootstrap {

    private static final Logger LOG = Logger.getLogger(TopicBootstrap.class);

    void onStart(@Observes StartupEvent start,
                 @ConfigProperty(name = "partnerplan.kafka.create-topics", defaultValue = "false") boolean enabled,
                 @ConfigProperty(name = "partnerplan.kafka.topics") Optional<List<String>> topics,
                 @ConfigProperty(name = "partnerplan.kafka.partitions", defaultValue = "3") int partitions,
                 KafkaConnection connection) {
        if (!enabled || topics.isEmpty()) {
            return;
        }
        Map<String, Object> config = connection.settings();
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        try (Admin admin = Admin.create(config)) {
            for (String topic : topics.get()) {
                try {
                    admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(10, TimeUnit.SECONDS);
                    LOG.infof("Created topic %s", topic);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        LOG.warnf("Could not create topic %s: %s", topic, e.getCause().getMessage());
                    }
                }
            }
        } catch (Exception e) {
            // The service still starts: the API works without the broker and the outbox waits for it.
            LOG.warnf("Kafka topics not verified (%s); continuing", e.getMessage());
        }
    }
}
