package io.partnerplan.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Every service talks to Kafka as its own principal over SASL_SSL, and may do exactly what its
 * configuration needs: read the topics it consumes, write its own events topic and its own
 * dead-letter topics, use its own consumer group. Nothing else (no wildcard, no prefix, no other
 * service's topic), and a quota.
 */
class KafkaUsersTest {

    static final List<String> OVERLAYS = Repo.OVERLAYS;

    /** "topic:name:Op" / "group:name:Op" the service needs, from its configuration. */
    static Set<String> needed(String service) throws IOException {
        Map<String, String> config = Repo.effectiveConfig(service);
        Set<String> acls = new TreeSet<>();
        String own = "partnerplan." + config.get("partnerplan.service") + ".events.v1";
        acls.add("topic:" + own + ":Write");
        acls.add("topic:" + own + ":Describe");
        for (Map.Entry<String, String> e : config.entrySet()) {
            String key = e.getKey();
            if (key.startsWith("mp.messaging.incoming.") && key.endsWith(".dead-letter-queue.topic")) {
                acls.add("topic:" + e.getValue() + ":Write");
                acls.add("topic:" + e.getValue() + ":Describe");
            } else if (key.startsWith("mp.messaging.incoming.") && key.endsWith(".topic")) {
                acls.add("topic:" + e.getValue() + ":Read");
                acls.add("topic:" + e.getValue() + ":Describe");
            } else if (key.startsWith("mp.messaging.incoming.") && key.endsWith(".group.id")) {
                acls.add("group:" + e.getValue() + ":Read");
                acls.add("group:" + e.getValue() + ":Describe");
            }
        }
        return acls;
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyServiceHasItsOwnLeastPrivilegePrincipal(String overlay) throws IOException {
        assertEquals(List.of(), problems(Rendered.overlay(overlay)), overlay);
    }

    @Test
    void aWriteOnAnotherServicesTopicFails() throws IOException {
        List<JsonNode> objects = new ArrayList<>(Rendered.overlay("prod"));
        objects.replaceAll(o -> {
            if ("KafkaUser".equals(o.path("kind").asText()) && "kpi-service".equals(Rendered.name(o))) {
                ObjectNode copy = o.deepCopy();
                ObjectNode acl = ((ArrayNode) copy.at("/spec/authorization/acls")).addObject();
                acl.putObject("resource").put("type", "topic").put("name", "partnerplan.plan.events.v1").put("patternType", "literal");
                acl.putArray("operations").add("Write");
                return copy;
            }
            return o;
        });
        List<String> problems = problems(objects);
        assertTrue(problems.stream().anyMatch(p -> p.contains("kpi-service") && p.contains("partnerplan.plan.events.v1:Write")),
                problems.toString());
    }

    static List<String> problems(List<JsonNode> objects) throws IOException {
        List<String> problems = new ArrayList<>();
        Map<String, String> shared = null;
        for (String service : Repo.SERVICES) {
            JsonNode user = Rendered.named(objects, "KafkaUser", service).orElse(null);
            if (user == null) {
                problems.add(service + ": no KafkaUser " + service);
                continue;
            }
            if (!"scram-sha-512".equals(user.at("/spec/authentication/type").asText())
                    && !"tls".equals(user.at("/spec/authentication/type").asText())) {
                problems.add(service + ": KafkaUser authenticates with SCRAM-SHA-512 or mTLS");
            }
            Set<String> granted = new TreeSet<>();
            for (JsonNode acl : user.at("/spec/authorization/acls")) {
                JsonNode resource = acl.path("resource");
                if (!"literal".equals(resource.path("patternType").asText("literal")) || resource.path("name").asText().contains("*")
                        || "deny".equals(acl.path("type").asText())) {
                    problems.add(service + ": only literal allow rules, got " + acl);
                }
                for (JsonNode op : acl.path("operations")) {
                    granted.add(resource.path("type").asText() + ":" + resource.path("name").asText() + ":" + op.asText());
                }
            }
            Set<String> needed = needed(service);
            Set<String> missing = new TreeSet<>(needed);
            missing.removeAll(granted);
            Set<String> extra = new TreeSet<>(granted);
            extra.removeAll(needed);
            if (!missing.isEmpty()) {
                problems.add(service + ": KafkaUser lacks " + missing);
            }
            if (!extra.isEmpty()) {
                problems.add(service + ": KafkaUser grants more than the service needs: " + extra);
            }
            JsonNode quotas = user.at("/spec/quotas");
            if (!quotas.has("producerByteRate") || !quotas.has("consumerByteRate") || !quotas.has("requestPercentage")) {
                problems.add(service + ": KafkaUser has byte-rate and request quotas");
            }
            JsonNode container = Rendered.named(objects, "Deployment", service).orElseThrow().at("/spec/template/spec/containers/0");
            Map<String, String> env = ServiceConfigTest.provided(objects, container);
            if (!("secret:" + service + "/sasl.jaas.config").equals(env.get("KAFKA_SASL_JAAS_CONFIG"))) {
                problems.add(service + ": KAFKA_SASL_JAAS_CONFIG must come from its KafkaUser's Secret " + service + ", is "
                        + env.get("KAFKA_SASL_JAAS_CONFIG"));
            }
            if (!"SASL_SSL".equals(env.get("KAFKA_SECURITY_PROTOCOL")) || !"SCRAM-SHA-512".equals(env.get("KAFKA_SASL_MECHANISM"))) {
                problems.add(service + ": KAFKA_SECURITY_PROTOCOL=SASL_SSL and KAFKA_SASL_MECHANISM=SCRAM-SHA-512 expected, got "
                        + env.get("KAFKA_SECURITY_PROTOCOL") + " / " + env.get("KAFKA_SASL_MECHANISM"));
            }
        }
        return problems;
    }
}
