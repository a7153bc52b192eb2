package io.partnerplan.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The validation is worth something only if it fails: typos and wrong types injected into real
 * rendered objects (and, end to end, into a copy of the manifests' sources) must be reported.
 */
class SchemaNegativeTest {

    @Test
    void aTypoInADeploymentFieldFails() {
        List<String> problems = mutate("Deployment", "plan-service", o -> {
            ObjectNode container = (ObjectNode) o.at("/spec/template/spec/containers/0");
            container.set("readinesProbe", container.remove("readinessProbe"));
        });
        assertFails(problems, "readinesProbe");
    }

    @Test
    void aTypoInASecurityContextFails() {
        assertFails(mutate("Deployment", "kpi-service", o -> ((ObjectNode) o.at("/spec/template/spec/containers/0/securityContext"))
                .put("readOnlyRootFileSystem", true)), "readOnlyRootFileSystem");
    }

    @Test
    void aWrongTypeFails() {
        assertFails(mutate("ScaledObject", "plan-service", o -> ((ObjectNode) o.path("spec")).put("minReplicaCount", "three")),
                "minReplicaCount");
    }

    @Test
    void aTypoInAnHttpRouteFails() {
        assertFails(mutate("HTTPRoute", "plan-service", o -> {
            ObjectNode rule = (ObjectNode) o.at("/spec/rules/0");
            rule.set("backendRef", rule.remove("backendRefs"));
        }), "backendRef");
    }

    @Test
    void aTypoInAKafkaTopicFails() {
        assertFails(mutate("KafkaTopic", "partnerplan-plan-events-v1", o -> {
            ObjectNode spec = (ObjectNode) o.path("spec");
            spec.set("partitons", spec.remove("partitions"));
        }), "partitons");
    }

    @Test
    void aWrongTypeInAKafkaTopicFails() {
        assertFails(mutate("KafkaTopic", "partnerplan-plan-events-v1", o -> ((ObjectNode) o.path("spec")).put("partitions", "six")),
                "partitions");
    }

    @Test
    void aTypoInACnpgClusterFails() {
        assertFails(mutate("Cluster", "plan-db", o -> ((ObjectNode) o.path("spec")).put("instance", 3)), "instance");
    }

    @Test
    void aTypoInAServiceMonitorFails() {
        assertFails(mutate("ServiceMonitor", "plan-service", o -> ((ObjectNode) o.at("/spec/endpoints/0")).put("paht", "/q/metrics")),
                "paht");
    }

    @Test
    void anUnknownKindFails() {
        ObjectNode object = Rendered.YAML.createObjectNode().put("apiVersion", "example.com/v1").put("kind", "Widget");
        object.putObject("metadata").put("name", "w");
        assertFails(Schemas.validate(object), "no CRD schema");
    }

    /** End to end: the same typo in the source YAML fails after rendering, as CI would see it. */
    @Test
    void aTypoInTheSourceManifestsFailsTheRenderedValidation(@TempDir Path copy) throws IOException {
        copyTree(Repo.deploy().resolve("base"), copy.resolve("base"));
        copyTree(Repo.deploy().resolve("overlays"), copy.resolve("overlays"));
        copyTree(Repo.deploy().resolve("gateway"), copy.resolve("gateway"));
        Path deployment = copy.resolve("base/plan-service/deployment.yaml");
        String yaml = Files.readString(deployment);
        assertTrue(yaml.contains("readinessProbe:"));
        Files.writeString(deployment, yaml.replace("readinessProbe:", "readinesProbe:"));

        List<String> problems = new ArrayList<>();
        for (JsonNode object : Rendered.render(copy.resolve("overlays/dev"))) {
            problems.addAll(Schemas.validate(object));
        }
        assertFails(problems, "readinesProbe");
        System.out.println("negative test, typo readinesProbe in base/plan-service/deployment.yaml: " + problems);
    }

    private static List<String> mutate(String kind, String name, Consumer<ObjectNode> change) {
        JsonNode original = Rendered.named(Rendered.overlay("prod"), kind, name)
                .orElseThrow(() -> new AssertionError("no " + kind + "/" + name + " in the prod overlay"));
        assertEquals(List.of(), Schemas.validate(original), "the unmodified object must be valid");
        ObjectNode copy = original.deepCopy();
        change.accept(copy);
        return Schemas.validate(copy);
    }

    private static void assertFails(List<String> problems, String mentioning) {
        assertTrue(problems.stream().anyMatch(p -> p.contains(mentioning)),
                "expected a validation problem mentioning '" + mentioning + "', got " + problems);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.sorted(Comparator.naturalOrder()).toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
    }
}
