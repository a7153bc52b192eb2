package io.partnerplan.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** An overlay rendered by `kubectl kustomize`, as objects; rendered once per test run and overlay. */
final class Rendered {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Map<Path, List<JsonNode>> CACHE = new ConcurrentHashMap<>();

    private Rendered() {
    }

    static List<JsonNode> overlay(String name) {
        return render(Repo.deploy().resolve("overlays").resolve(name));
    }

    static List<JsonNode> render(Path kustomization) {
        return CACHE.computeIfAbsent(kustomization.toAbsolutePath().normalize(), Rendered::run);
    }

    static List<JsonNode> ofKind(List<JsonNode> objects, String kind) {
        return objects.stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
    }

    static Optional<JsonNode> named(List<JsonNode> objects, String kind, String name) {
        return ofKind(objects, kind).stream().filter(o -> name.equals(o.path("metadata").path("name").asText())).findFirst();
    }

    static String name(JsonNode object) {
        return object.path("metadata").path("name").asText();
    }

    static String id(JsonNode object) {
        return object.path("kind").asText() + "/" + name(object);
    }

    private static List<JsonNode> run(Path dir) {
        String kubectl = kubectl();
        try {
            Path out = Files.createTempFile("kustomize-", ".yaml");
            Path err = Files.createTempFile("kustomize-", ".err");
            try {
                Process process = new ProcessBuilder(kubectl, "kustomize", dir.toString())
                        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
                if (!process.waitFor(2, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("kubectl kustomize " + dir + " timed out");
                }
                if (process.exitValue() != 0) {
                    throw new IllegalStateException("kubectl kustomize " + dir + " failed:\n" + Files.readString(err));
                }
                List<JsonNode> objects = new ArrayList<>();
                try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(out.toFile())) {
                    while (docs.hasNext()) {
                        JsonNode doc = docs.next();
                        if (doc != null && !doc.isNull() && !doc.isMissingNode()) {
                            objects.add(doc);
                        }
                    }
                }
                if (objects.isEmpty()) {
                    throw new IllegalStateException("kubectl kustomize " + dir + " rendered nothing");
                }
                return objects;
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new IllegalStateException("kubectl kustomize " + dir + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** $KUBECTL, else kubectl on the PATH; kubectl bundles Kustomize (v1.32: Kustomize v5.5). */
    static String kubectl() {
        String configured = System.getenv("KUBECTL");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        return Stream.of(path.split(java.io.File.pathSeparator)).map(p -> Path.of(p, "kubectl"))
                .filter(Files::isExecutable).findFirst().map(Path::toString)
                .orElseThrow(() -> new IllegalStateException("""
                        kubectl not found: the deploy/ tests render the Kustomize overlays with `kubectl kustomize`.
                        Install kubectl (v1.27 or newer; it bundles Kustomize), e.g. `apt-get install kubectl` from the
                        Kubernetes package repository, or set KUBECTL=/path/to/kubectl."""));
    }
}
