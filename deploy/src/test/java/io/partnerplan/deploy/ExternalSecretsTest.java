package io.partnerplan.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The External Secrets example (examples/prod-external-secrets: the prod overlay plus
 * components/external-secrets) renders, every object validates (the ExternalSecrets against ESO's
 * CRD), and every Secret production reads that no operator generates has an ExternalSecret.
 */
class ExternalSecretsTest {

    /** Made by operators, not by people: CloudNativePG's app users, Strimzi's KafkaUsers; cert-manager's certificate. */
    static boolean generated(String secret) {
        return secret.endsWith("-db-app") || Repo.SERVICES.contains(secret) || secret.equals("partnerplan-tls");
    }

    @Test
    void theExampleValidatesAndCoversEveryHandMadeSecret() throws IOException {
        List<JsonNode> objects = Rendered.render(Repo.deploy().resolve("examples/prod-external-secrets"));
        List<String> problems = new ArrayList<>();
        for (JsonNode object : objects) {
            problems.addAll(Schemas.validate(object));
        }
        Set<String> covered = new TreeSet<>();
        for (JsonNode es : Rendered.ofKind(objects, "ExternalSecret")) {
            covered.add(es.at("/spec/target/name").asText(Rendered.name(es)));
        }
        Set<String> missing = new TreeSet<>(secretsRead(objects));
        missing.removeIf(ExternalSecretsTest::generated);
        missing.removeAll(covered);
        assertFalse(covered.isEmpty());
        System.out.println("Secrets production reads: " + secretsRead(objects) + "; from ExternalSecrets: " + covered);
        assertEquals(List.of(), problems, "objects of the External Secrets example that do not match their schema");
        assertEquals(Set.of(), missing, "Secrets production reads without an ExternalSecret in components/external-secrets");
    }

    /** Names of the Secrets the workloads and custom resources reference. */
    static Set<String> secretsRead(List<JsonNode> objects) {
        Set<String> names = new TreeSet<>();
        for (JsonNode object : objects) {
            collect(object, "", names);
        }
        return names;
    }

    private static void collect(JsonNode node, String field, Set<String> names) {
        if (node.isObject()) {
            // CloudNativePG / Barman style: {name, key} under a credentials field.
            if (node.size() == 2 && node.has("name") && node.has("key") && !field.equals("configMapKeyRef")
                    && !field.equals("secretKeyRef")) {
                names.add(node.path("name").asText());
            }
            JsonNode ref = node.path("secretKeyRef");
            if (ref.has("name")) {
                names.add(ref.path("name").asText());
            }
            if (node.path("secret").has("secretName")) {
                names.add(node.path("secret").path("secretName").asText());
            }
            if ("Secret".equals(node.path("kind").asText()) && node.has("name") && !node.has("apiVersion")) {
                names.add(node.path("name").asText());  // Gateway certificateRefs
            }
            if (node.has("secretTargetRef")) {
                node.path("secretTargetRef").forEach(r -> names.add(r.path("name").asText()));
            }
            node.fields().forEachRemaining(e -> collect(e.getValue(), e.getKey(), names));
        } else if (node.isArray()) {
            node.forEach(n -> collect(n, field, names));
        }
    }
}
