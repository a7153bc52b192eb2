package io.partnerplan.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Every service that consumes Kafka (all four do) scales on its consumers' lag: a KEDA ScaledObject
 * with one Kafka trigger per topic its configuration consumes, for the channel's consumer group, on
 * the brokers the service itself talks to (the overlay's KAFKA_BOOTSTRAP_SERVERS), over SASL_SSL with
 * SCRAM as the service's own KafkaUser (a TriggerAuthentication naming its Secret, its user name and
 * the cluster CA), and on CPU for the API beside it.
 */
class LagScalingTest {

    static final List<String> OVERLAYS = Repo.OVERLAYS;

    /** topic -> consumer group, from the service's channels. */
    static Map<String, String> consumed(String service) throws IOException {
        Map<String, String> config = Repo.effectiveConfig(service);
        Map<String, String> topics = new TreeMap<>();
        config.forEach((key, value) -> {
            if (key.startsWith("mp.messaging.incoming.") && key.endsWith(".topic") && !key.endsWith(".dead-letter-queue.topic")) {
                String channel = key.substring("mp.messaging.incoming.".length(), key.length() - ".topic".length());
                topics.put(value, config.get("mp.messaging.incoming." + channel + ".group.id"));
            }
        });
        return topics;
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyConsumingServiceScalesOnTheLagOfEachTopicItConsumes(String overlay) throws IOException {
        assertEquals(List.of(), problems(Rendered.overlay(overlay)), overlay);
    }

    @Test
    void aMissingTopicAnotherGroupOrAnotherClusterFails() throws IOException {
        List<JsonNode> objects = new ArrayList<>(Rendered.overlay("prod"));
        objects.replaceAll(o -> {
            if ("ScaledObject".equals(o.path("kind").asText())) {
                ObjectNode copy = o.deepCopy();
                ArrayNode triggers = (ArrayNode) copy.at("/spec/triggers");
                switch (Rendered.name(o)) {
                    case "kpi-service" -> triggers.remove(triggers.size() - 1);
                    case "calendar-service" -> ((ObjectNode) triggers.get(1).path("metadata")).put("consumerGroup", "plan-service");
                    case "plan-service" -> ((ObjectNode) triggers.get(1).path("metadata"))
                            .put("bootstrapServers", "partnerplan-kafka-kafka-bootstrap:9093");
                    case "notification-service" -> ((ObjectNode) triggers.get(1).path("metadata")).remove("tls");
                    default -> { }
                }
                return copy;
            }
            return o;
        });
        List<String> problems = problems(objects);
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("kpi-service") && p.contains("no lag trigger for")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("calendar-service") && p.contains("group plan-service")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("plan-service") && p.contains("other brokers")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("notification-service") && p.contains("SASL_SSL")), problems.toString());
    }

    static List<String> problems(List<JsonNode> objects) throws IOException {
        List<String> problems = new ArrayList<>();
        for (String service : Repo.SERVICES) {
            Map<String, String> consumed = consumed(service);
            if (consumed.isEmpty()) {
                continue;
            }
            JsonNode scaled = Rendered.named(objects, "ScaledObject", service).orElse(null);
            if (scaled == null) {
                problems.add(service + ": consumes " + consumed.keySet() + " but has no KEDA ScaledObject");
                continue;
            }
            JsonNode container = Rendered.named(objects, "Deployment", service).orElseThrow().at("/spec/template/spec/containers/0");
            String brokers = ServiceConfigTest.provided(objects, container).get("KAFKA_BOOTSTRAP_SERVERS");
            TreeSet<String> triggered = new TreeSet<>();
            boolean cpu = false;
            for (JsonNode trigger : scaled.at("/spec/triggers")) {
                JsonNode meta = trigger.path("metadata");
                if ("cpu".equals(trigger.path("type").asText())) {
                    cpu = true;
                    continue;
                }
                if (!"kafka".equals(trigger.path("type").asText())) {
                    continue;
                }
                String topic = meta.path("topic").asText();
                triggered.add(topic);
                if (!consumed.containsKey(topic)) {
                    problems.add(service + ": a lag trigger for " + topic + ", which it does not consume");
                } else if (!consumed.get(topic).equals(meta.path("consumerGroup").asText())) {
                    problems.add(service + ": the lag of " + topic + " is read for group " + meta.path("consumerGroup").asText()
                            + ", its channel's group is " + consumed.get(topic));
                }
                if (!meta.path("bootstrapServers").asText().equals(brokers)) {
                    problems.add(service + ": the lag of " + topic + " is read from other brokers (" + meta.path("bootstrapServers").asText()
                            + ") than the service uses (" + brokers + ")");
                }
                if (!"scram_sha512".equals(meta.path("sasl").asText()) || !"enable".equals(meta.path("tls").asText())) {
                    problems.add(service + ": the lag of " + topic + " is read over SASL_SSL (sasl: scram_sha512, tls: enable)");
                }
                problems.addAll(authentication(objects, service, trigger.at("/authenticationRef/name").asText()));
            }
            for (String topic : consumed.keySet()) {
                if (!triggered.contains(topic)) {
                    problems.add(service + ": no lag trigger for " + topic);
                }
            }
            if (!cpu) {
                problems.add(service + ": no CPU trigger (the API scales on CPU)");
            }
        }
        return problems;
    }

    /** The trigger logs in as the service's own KafkaUser: its Secret's password, its user name, the cluster CA. */
    private static List<String> authentication(List<JsonNode> objects, String service, String name) {
        JsonNode auth = Rendered.named(objects, "TriggerAuthentication", name).orElse(null);
        if (auth == null) {
            return List.of(service + ": no TriggerAuthentication " + name);
        }
        Map<String, String> refs = new TreeMap<>();
        for (JsonNode ref : auth.at("/spec/secretTargetRef")) {
            refs.put(ref.path("parameter").asText(), "secret:" + ref.path("name").asText() + "/" + ref.path("key").asText());
        }
        for (JsonNode ref : auth.at("/spec/configMapTargetRef")) {
            JsonNode map = Rendered.named(objects, "ConfigMap", ref.path("name").asText()).orElse(null);
            refs.put(ref.path("parameter").asText(), map == null ? "missing ConfigMap " + ref.path("name").asText()
                    : "value:" + map.at("/data/" + ref.path("key").asText()).asText());
        }
        Map<String, String> expected = Map.of("password", "secret:" + service + "/password",
                "ca", "secret:partnerplan-kafka-cluster-ca-cert/ca.crt", "username", "value:" + service);
        return refs.equals(expected) ? List.of() : List.of(service + ": TriggerAuthentication " + name + " is " + refs + ", expected " + expected);
    }
}
