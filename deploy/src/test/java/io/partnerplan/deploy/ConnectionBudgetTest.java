package io.partnerplan.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Autoscaling must not exhaust the database's connections. Per service, at the autoscaler's
 * maximum plus the rollout surge:
 * <ul>
 * <li>with a PgBouncer Pooler: peak pods x pool size <= max_client_conn of one pooler instance (the
 * clients may all land on one), and pooler instances x (default_pool_size + reserve_pool_size)
 * + one Flyway connection per pod (straight to the primary) <= max_connections - superuser reserve;</li>
 * <li>without one: peak pods x (pool size + 1 for Flyway) <= max_connections - superuser reserve.</li>
 * </ul>
 * And transaction pooling only where the code uses no session state (session advisory locks, LISTEN).
 */
class ConnectionBudgetTest {

    static final List<String> OVERLAYS = Repo.OVERLAYS;
    private static final int QUARKUS_DEFAULT_POOL = 20;
    private static final Pattern SESSION_STATE = Pattern.compile(
            "pg_(try_)?advisory_lock(_shared)?\\s*\\(|\"\\s*LISTEN\\s+\\w|\"\\s*SET\\s+(SESSION\\s+)?[a-z_.]+\\s*(=|TO)\\b",
            Pattern.CASE_INSENSITIVE);

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void peakPodsTimesPoolFitTheConnectionsAvailable(String overlay) throws IOException {
        List<String> problems = problems(Rendered.overlay(overlay));
        assertEquals(List.of(), problems, overlay);
    }

    @Test
    void aPoolTooBigFails() throws IOException {
        List<JsonNode> objects = new ArrayList<>(Rendered.overlay("prod"));
        for (int i = 0; i < objects.size(); i++) {
            JsonNode o = objects.get(i);
            if ("ConfigMap".equals(o.path("kind").asText()) && Rendered.name(o).startsWith("kpi-service-config")) {
                ObjectNode copy = o.deepCopy();
                ((ObjectNode) copy.path("data")).put("QUARKUS_DATASOURCE_JDBC_MAX_SIZE", "60");
                objects.set(i, copy);
            }
        }
        List<String> problems = problems(objects);
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("kpi-service") && p.contains("max_client_conn")), problems.toString());
        System.out.println("negative test, kpi-service pool 60: " + problems);
    }

    @Test
    void aPoolerTooBigForTheDatabaseFails() throws IOException {
        List<JsonNode> objects = new ArrayList<>(Rendered.overlay("prod"));
        objects.replaceAll(o -> {
            if ("Pooler".equals(o.path("kind").asText()) && Rendered.name(o).equals("plan-db-pooler")) {
                ObjectNode copy = o.deepCopy();
                ((ObjectNode) copy.at("/spec/pgbouncer/parameters")).put("default_pool_size", "120");
                return copy;
            }
            return o;
        });
        List<String> problems = problems(objects);
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("plan-service") && p.contains("max_connections")), problems.toString());
    }

    static List<String> problems(List<JsonNode> objects) throws IOException {
        List<String> problems = new ArrayList<>();
        for (String service : Repo.SERVICES) {
            String shortName = Repo.effectiveConfig(service).get("partnerplan.service");
            String clusterName = shortName + "-db";
            JsonNode cluster = Rendered.named(objects, "Cluster", clusterName).orElseThrow();
            int maxConnections = Integer.parseInt(cluster.at("/spec/postgresql/parameters/max_connections").asText("100"));
            int reserved = Integer.parseInt(cluster.at("/spec/postgresql/parameters/superuser_reserved_connections").asText("3"));
            int available = maxConnections - reserved;
            Scaling scaling = Scaling.of(objects, service);
            int pool = poolSize(objects, service);
            int pods = scaling.peakPods();
            JsonNode pooler = Rendered.ofKind(objects, "Pooler").stream()
                    .filter(p -> clusterName.equals(p.at("/spec/cluster/name").asText())).findFirst().orElse(null);
            String where = service + " (" + pods + " pods at most = " + scaling.max() + " + surge " + scaling.surge() + ", pool " + pool + ")";
            if (pooler == null) {
                if (pods * (pool + 1) > available) {
                    problems.add(where + ": " + pods * (pool + 1) + " connections > " + available + " of max_connections " + maxConnections);
                }
                continue;
            }
            JsonNode params = pooler.at("/spec/pgbouncer/parameters");
            int maxClient = Integer.parseInt(params.path("max_client_conn").asText("100"));
            int serverPool = Integer.parseInt(params.path("default_pool_size").asText("20"))
                    + Integer.parseInt(params.path("reserve_pool_size").asText("0"));
            int instances = pooler.at("/spec/instances").asInt(1);
            if (pods * pool > maxClient) {
                problems.add(where + ": " + pods * pool + " client connections > max_client_conn " + maxClient + " of a pooler instance");
            }
            int server = instances * serverPool + pods;
            if (server > available) {
                problems.add(where + ": " + instances + " pooler instances x " + serverPool + " server connections + " + pods
                        + " Flyway = " + server + " > " + available + " of max_connections " + maxConnections);
            }
            String mode = pooler.at("/spec/pgbouncer/poolMode").asText("session");
            if ("transaction".equals(mode)) {
                problems.addAll(sessionState(service));
            }
        }
        return problems;
    }

    /** The connection pool of a service as its pods get it: the Deployment's environment, else its properties, else Quarkus' default. */
    static int poolSize(List<JsonNode> objects, String service) throws IOException {
        JsonNode container = Rendered.named(objects, "Deployment", service).orElseThrow().at("/spec/template/spec/containers/0");
        Map<String, String> env = ServiceConfigTest.provided(objects, container);
        String value = env.get("QUARKUS_DATASOURCE_JDBC_MAX_SIZE");
        if (value == null) {
            value = Repo.effectiveConfig(service).get("quarkus.datasource.jdbc.max-size");
        }
        return value == null ? QUARKUS_DEFAULT_POOL : Integer.parseInt(value.strip());
    }

    /** Statements that need a session of their own, which transaction pooling does not give. */
    static List<String> sessionState(String service) throws IOException {
        List<String> found = new ArrayList<>();
        for (String module : List.of("platform", service)) {
            Path main = Repo.root().resolve(module).resolve("src/main");
            try (Stream<Path> files = Files.walk(main)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java") || f.toString().endsWith(".sql")).toList()) {
                    if (file.toString().contains("/db/")) {
                        continue;  // migrations run through Flyway's direct connection
                    }
                    var matcher = SESSION_STATE.matcher(Files.readString(file));
                    if (matcher.find()) {
                        found.add(service + ": " + Repo.root().relativize(file) + " uses session state (" + matcher.group()
                                + ") that PgBouncer's transaction mode does not keep");
                    }
                }
            }
        }
        return found;
    }
}
