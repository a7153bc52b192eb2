package io.partnerplan.deploy;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;

/** The repository around this module: its root, the routing table, the services' configuration. */
final class Repo {

    static final List<String> SERVICES = List.of("plan-service", "kpi-service", "calendar-service", "notification-service");
    static final List<String> OVERLAYS = List.of("dev", "prod");

    private static Path root;

    private Repo() {
    }

    /** Walks up from the working directory to the directory holding mvnw and .git (a clone or a worktree). */
    static synchronized Path root() {
        if (root == null) {
            Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
            while (dir != null && !(Files.isRegularFile(dir.resolve("mvnw")) && Files.exists(dir.resolve(".git"))
                    && Files.isDirectory(dir.resolve("deploy")))) {
                dir = dir.getParent();
            }
            if (dir == null) {
                throw new IllegalStateException("not inside the PartnerPlan repository: " + System.getProperty("user.dir"));
            }
            root = dir;
        }
        return root;
    }

    static Path deploy() {
        return root().resolve("deploy");
    }

    /** The API's paths, as listed in the merged OpenAPI document docs/openapi.yaml. */
    static List<String> openApiPaths() throws IOException {
        List<String> paths = new ArrayList<>();
        boolean inPaths = false;
        for (String line : Files.readAllLines(root().resolve("docs/openapi.yaml"))) {
            if (!line.startsWith(" ") && !line.isBlank()) {
                inPaths = line.equals("paths:");
            } else if (inPaths && line.startsWith("  /") && line.endsWith(":") && !line.startsWith("   ")) {
                paths.add(line.strip().replaceAll(":$", ""));
            }
        }
        return paths;
    }

    /** The API's paths whose GET answers Server-Sent Events (text/event-stream), from docs/openapi.yaml. */
    static List<String> streamPaths() throws IOException {
        JsonNode paths = Rendered.YAML.readTree(root().resolve("docs/openapi.yaml").toFile()).path("paths");
        List<String> streams = new ArrayList<>();
        paths.fields().forEachRemaining(path -> {
            for (JsonNode response : path.getValue().path("get").path("responses")) {
                if (response.path("content").has("text/event-stream") && !streams.contains(path.getKey())) {
                    streams.add(path.getKey());
                }
            }
        });
        return streams;
    }

    /** deploy/gateway/routes: path prefix to service, in file order. */
    static Map<String, String> routes() throws IOException {
        Map<String, String> routes = new LinkedHashMap<>();
        for (String line : Files.readAllLines(deploy().resolve("gateway/routes"))) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] fields = trimmed.split("\\s+");
            if (fields.length != 2) {
                throw new IllegalStateException("deploy/gateway/routes: expected 'prefix service', got: " + line);
            }
            if (routes.put(fields[0], fields[1]) != null) {
                throw new IllegalStateException("deploy/gateway/routes: duplicate prefix " + fields[0]);
            }
        }
        return routes;
    }

    /**
     * The configuration a service runs with in a container (the prod profile): platform's
     * microprofile-config.properties overlaid by the service's application.properties, profile
     * entries (%prod.) applied, other profiles' entries dropped. Values are raw strings.
     */
    static Map<String, String> effectiveConfig(String service) throws IOException {
        Map<String, String> config = new LinkedHashMap<>();
        for (Path file : configFiles(service)) {
            Properties props = load(file);
            for (String key : props.stringPropertyNames()) {
                if (!key.startsWith("%")) {
                    config.put(key, props.getProperty(key).strip());
                }
            }
            for (String key : props.stringPropertyNames()) {
                if (key.startsWith("%prod.")) {
                    config.put(key.substring("%prod.".length()), props.getProperty(key).strip());
                }
            }
        }
        return config;
    }

    /** Keys set only for other profiles (%dev., %test.): they have no value in a container. */
    static List<String> keysOnlyInOtherProfiles(String service) throws IOException {
        Map<String, String> effective = effectiveConfig(service);
        List<String> keys = new ArrayList<>();
        for (Path file : configFiles(service)) {
            for (String key : load(file).stringPropertyNames()) {
                if (key.startsWith("%") && !key.startsWith("%prod.")) {
                    String bare = key.substring(key.indexOf('.') + 1);
                    if (!effective.containsKey(bare) && !keys.contains(bare)) {
                        keys.add(bare);
                    }
                }
            }
        }
        return keys;
    }

    static List<Path> configFiles(String service) {
        return List.of(root().resolve("platform/src/main/resources/META-INF/microprofile-config.properties"),
                root().resolve(service + "/src/main/resources/application.properties"));
    }

    private static Properties load(Path file) throws IOException {
        Properties props = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            props.load(reader);
        }
        return props;
    }

    /** The environment variable SmallRye Config reads for a property: non-alphanumerics become '_', upper case. */
    static String envName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(java.util.Locale.ROOT);
    }
}
