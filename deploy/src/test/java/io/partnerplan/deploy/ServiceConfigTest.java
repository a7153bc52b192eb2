package io.partnerplan.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Every configuration key a service needs in a cluster is provided by its Deployment (env, or
 * envFrom ConfigMaps of the overlay), read from the services' own properties files: keys whose
 * only value is a development one (localhost, dev credentials) and keys set only for the dev and
 * test profiles (the JWT key location).
 */
class ServiceConfigTest {

    static final List<String> OVERLAYS = Repo.OVERLAYS;
    /** Needed whatever the properties say: where the data and events are, who signs tokens. */
    static final List<String> ALWAYS = List.of("quarkus.datasource.jdbc.url", "quarkus.datasource.username",
            "quarkus.datasource.password", "kafka.bootstrap.servers", "mp.jwt.verify.publickey.location",
            "mp.jwt.verify.issuer", "quarkus.http.port");

    static Set<String> requiredKeys(String service) throws IOException {
        Set<String> keys = new LinkedHashSet<>(ALWAYS);
        for (Map.Entry<String, String> entry : Repo.effectiveConfig(service).entrySet()) {
            String value = entry.getValue();
            if (value.contains("localhost") || value.contains("127.0.0.1")) {
                keys.add(entry.getKey());
            }
        }
        for (String key : Repo.keysOnlyInOtherProfiles(service)) {
            // Test-only switches (statistics, job intervals) have code defaults; the JWT key has none.
            if (key.startsWith("mp.jwt.") || key.startsWith("quarkus.datasource.") || key.startsWith("kafka.")) {
                keys.add(key);
            }
        }
        return keys;
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyKeyAServiceNeedsIsProvided(String overlay) throws IOException {
        List<JsonNode> objects = Rendered.overlay(overlay);
        List<String> problems = new ArrayList<>();
        for (String service : Repo.SERVICES) {
            JsonNode deployment = Rendered.named(objects, "Deployment", service).orElseThrow();
            JsonNode container = deployment.at("/spec/template/spec/containers/0");
            Map<String, String> provided = provided(objects, container);
            for (String key : requiredKeys(service)) {
                String env = Repo.envName(key);
                String value = provided.get(env);
                if (value == null) {
                    problems.add(service + ": " + key + " (" + env + ") is not provided");
                } else if (value.contains("localhost") || value.contains("127.0.0.1")) {
                    problems.add(service + ": " + env + " points at localhost: " + value);
                }
            }
            String port = provided.get("QUARKUS_HTTP_PORT");
            int containerPort = container.at("/ports/0/containerPort").asInt();
            if (port == null || Integer.parseInt(port) != containerPort) {
                problems.add(service + ": QUARKUS_HTTP_PORT " + port + " differs from containerPort " + containerPort);
            }
            problems.addAll(databaseWiring(objects, service, provided));
        }
        assertEquals(List.of(), problems, overlay);
    }

    /** The JDBC URL names the service's own CNPG cluster and database; the credentials are that cluster's owner secret. */
    private static List<String> databaseWiring(List<JsonNode> objects, String service, Map<String, String> provided) throws IOException {
        List<String> problems = new ArrayList<>();
        String shortName = Repo.effectiveConfig(service).get("partnerplan.service");
        String cluster = shortName + "-db";
        JsonNode db = Rendered.named(objects, "Cluster", cluster).orElse(null);
        if (db == null) {
            return List.of(service + ": no CloudNativePG Cluster " + cluster);
        }
        String database = db.at("/spec/bootstrap/initdb/database").asText();
        // Queries through the cluster's PgBouncer Pooler when it has one; Flyway always to the primary.
        String direct = "jdbc:postgresql://" + cluster + "-rw:5432/" + database;
        String expectedUrl = Rendered.ofKind(objects, "Pooler").stream()
                .filter(p -> cluster.equals(p.at("/spec/cluster/name").asText()) && "rw".equals(p.at("/spec/type").asText("rw")))
                .findFirst().map(p -> "jdbc:postgresql://" + Rendered.name(p) + ":5432/" + database).orElse(direct);
        if (!expectedUrl.equals(provided.get("QUARKUS_DATASOURCE_JDBC_URL"))) {
            problems.add(service + ": QUARKUS_DATASOURCE_JDBC_URL should be " + expectedUrl + ", is " + provided.get("QUARKUS_DATASOURCE_JDBC_URL"));
        }
        if (!expectedUrl.equals(direct) && !direct.equals(provided.get("QUARKUS_FLYWAY_JDBC_URL"))) {
            problems.add(service + ": QUARKUS_FLYWAY_JDBC_URL should be " + direct + " (migrations bypass the pooler), is "
                    + provided.get("QUARKUS_FLYWAY_JDBC_URL"));
        }
        for (String env : List.of("QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD", "QUARKUS_FLYWAY_USERNAME",
                "QUARKUS_FLYWAY_PASSWORD")) {
            String expected = "secret:" + cluster + "-app/" + (env.endsWith("USERNAME") ? "username" : "password");
            if (!expected.equals(provided.get(env))) {
                problems.add(service + ": " + env + " should come from " + expected + ", comes from " + provided.get(env));
            }
        }
        return problems;
    }

    /** Env var name to value ("secret:name/key" for Secret references), as the container would see them. */
    static Map<String, String> provided(List<JsonNode> objects, JsonNode container) {
        Map<String, String> env = new TreeMap<>();
        for (JsonNode from : container.path("envFrom")) {
            String name = from.at("/configMapRef/name").asText();
            if (!name.isEmpty()) {
                JsonNode map = Rendered.named(objects, "ConfigMap", name)
                        .orElseThrow(() -> new AssertionError("envFrom names a missing ConfigMap " + name));
                map.path("data").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
            } else {
                throw new AssertionError("envFrom other than a ConfigMap hides which keys are provided: " + from);
            }
        }
        for (JsonNode variable : container.path("env")) {
            JsonNode secret = variable.at("/valueFrom/secretKeyRef");
            JsonNode configMap = variable.at("/valueFrom/configMapKeyRef");
            String value;
            if (!secret.isMissingNode()) {
                value = "secret:" + secret.path("name").asText() + "/" + secret.path("key").asText();
            } else if (!configMap.isMissingNode()) {
                value = Rendered.named(objects, "ConfigMap", configMap.path("name").asText())
                        .map(m -> m.path("data").path(configMap.path("key").asText()).asText(null)).orElse(null);
            } else {
                value = variable.path("value").asText();
            }
            if (value != null) {
                env.put(variable.path("name").asText(), value);
            }
        }
        return env;
    }

    /** The dev overlay's JWT key is the one scripts/token and the tests sign with (platform/testing's dev key). */
    @Test
    void theDevOverlayCarriesTheRepositorysDevKey() throws IOException {
        assertEquals(Files.readString(Repo.root().resolve("platform/testing/src/main/resources/devkeys/public.pem")),
                Files.readString(Repo.deploy().resolve("overlays/dev/jwt/public.pem")));
    }
}
