package io.partnerplan.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Every topic a service uses (partnerplan.kafka.topics, the channels' topic and
 * dead-letter-queue.topic in its configuration) exists as a Strimzi KafkaTopic, since the services
 * do not create topics in a cluster.
 */
class KafkaTopicsTest {

    static final List<String> OVERLAYS = Repo.OVERLAYS;

    /** Topic name to the services that use it, from the services' configuration files. */
    static Map<String, Set<String>> topicsUsed() throws IOException {
        Map<String, Set<String>> used = new TreeMap<>();
        for (String service : Repo.SERVICES) {
            Map<String, String> config = Repo.effectiveConfig(service);
            for (Map.Entry<String, String> entry : config.entrySet()) {
                String key = entry.getKey();
                List<String> names = new ArrayList<>();
                if (key.equals("partnerplan.kafka.topics")) {
                    for (String topic : entry.getValue().split(",")) {
                        names.add(topic.strip());
                    }
                } else if (key.startsWith("mp.messaging.") && (key.endsWith(".topic") || key.endsWith(".dead-letter-queue.topic"))) {
                    names.add(entry.getValue());
                }
                for (String name : names) {
                    if (!name.isEmpty()) {
                        used.computeIfAbsent(name, n -> new TreeSet<>()).add(service);
                    }
                }
            }
        }
        return used;
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyTopicAServiceUsesIsAKafkaTopic(String overlay) throws IOException {
        List<JsonNode> objects = Rendered.overlay(overlay);
        Map<String, JsonNode> topics = new TreeMap<>();
        for (JsonNode topic : Rendered.ofKind(objects, "KafkaTopic")) {
            topics.put(topic.at("/spec/topicName").asText(Rendered.name(topic)), topic);
        }
        Map<String, Set<String>> used = topicsUsed();
        assertTrue(used.keySet().stream().anyMatch(t -> t.endsWith(".dlq")), "the services' DLQ topics were found");
        Set<String> missing = new TreeSet<>(used.keySet());
        missing.removeAll(topics.keySet());
        assertEquals(Set.of(), missing, overlay + ": topics the services use without a KafkaTopic (users: " + used + ")");
        Set<String> unused = new TreeSet<>(topics.keySet());
        unused.removeAll(used.keySet());
        assertEquals(Set.of(), unused, overlay + ": KafkaTopics no service uses");
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void topicsAreReplicatedAsTheBrokersAllow(String overlay) {
        List<JsonNode> objects = Rendered.overlay(overlay);
        List<String> problems = new ArrayList<>();
        int brokers = Rendered.ofKind(objects, "KafkaNodePool").stream()
                .filter(p -> p.at("/spec/roles").toString().contains("broker")).mapToInt(p -> p.at("/spec/replicas").asInt()).sum();
        for (JsonNode topic : Rendered.ofKind(objects, "KafkaTopic")) {
            String cluster = topic.at("/metadata/labels/strimzi.io~1cluster").asText();
            int replicas = topic.at("/spec/replicas").asInt();
            int minIsr = topic.at("/spec/config/min.insync.replicas").asInt();
            if (cluster.isEmpty()) {
                problems.add(Rendered.id(topic) + ": no strimzi.io/cluster label, no Topic Operator would reconcile it");
            }
            if (topic.at("/spec/partitions").asInt() < 1 || replicas < 1 || minIsr < 1 || minIsr > replicas) {
                problems.add(Rendered.id(topic) + ": partitions, replicas and min.insync.replicas (<= replicas) must be set");
            }
            if (brokers > 0) {
                // A cluster in the overlay: replication cannot exceed its brokers; it must be that cluster.
                if (replicas > brokers) {
                    problems.add(Rendered.id(topic) + ": " + replicas + " replicas on " + brokers + " brokers");
                }
                if (Rendered.named(objects, "Kafka", cluster).isEmpty()) {
                    problems.add(Rendered.id(topic) + ": no Kafka " + cluster + " in the overlay");
                }
            } else if (replicas < 3 || minIsr < 2) {
                problems.add(Rendered.id(topic) + ": production topics need 3 replicas and min.insync.replicas 2");
            }
        }
        assertEquals(List.of(), problems, overlay);
        assertFalse(Rendered.ofKind(objects, "KafkaTopic").isEmpty());
    }

    @Test
    void deadLetterTopicsAreNamedTopicServiceDlq() throws IOException {
        for (String service : Repo.SERVICES) {
            Map<String, String> config = Repo.effectiveConfig(service);
            String shortName = config.get("partnerplan.service");
            for (Map.Entry<String, String> entry : config.entrySet()) {
                if (entry.getKey().endsWith(".dead-letter-queue.topic")) {
                    String channel = entry.getKey().substring(0, entry.getKey().length() - ".dead-letter-queue.topic".length());
                    assertEquals(config.get(channel + ".topic") + "." + shortName + ".dlq", entry.getValue(), service + " " + channel);
                }
            }
        }
    }
}
