package io.partnerplan.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * deploy/README.md's configuration reference lists every environment variable the services read:
 * every key of their properties files (outside the dev and test profiles), every
 * {@code @ConfigProperty} and {@code ${key:default}} in their code, and every variable the
 * manifests set.
 */
class ConfigReferenceTest {

    private static final Pattern CONFIG_PROPERTY = Pattern.compile("@ConfigProperty\\(name\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern EXPRESSION = Pattern.compile("\"\\$\\{([A-Za-z0-9.\\-]+)(?::[^}]*)?}\"");

    static Set<String> keysTheServicesRead() throws IOException {
        Set<String> keys = new TreeSet<>();
        for (String service : Repo.SERVICES) {
            keys.addAll(Repo.effectiveConfig(service).keySet());
            keys.addAll(Repo.keysOnlyInOtherProfiles(service));
        }
        for (String module : Stream.concat(Stream.of("platform"), Repo.SERVICES.stream()).toList()) {
            Path sources = Repo.root().resolve(module).resolve("src/main/java");
            try (Stream<Path> files = Files.walk(sources)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    String code = Files.readString(file);
                    for (Pattern pattern : List.of(CONFIG_PROPERTY, EXPRESSION)) {
                        Matcher matcher = pattern.matcher(code);
                        while (matcher.find()) {
                            keys.add(matcher.group(1));
                        }
                    }
                }
            }
        }
        return keys;
    }

    @Test
    void everyKeyTheServicesReadIsDocumented() throws IOException {
        String readme = Files.readString(Repo.deploy().resolve("README.md"));
        Set<String> keys = keysTheServicesRead();
        assertTrue(keys.contains("partnerplan.outbox.batch-size") && keys.contains("quarkus.datasource.jdbc.url"),
                "the scan found the services' keys: " + keys);
        Set<String> missing = new TreeSet<>();
        for (String key : keys) {
            if (!readme.contains("`" + Repo.envName(key) + "`")) {
                missing.add(Repo.envName(key) + " (" + key + ")");
            }
        }
        assertEquals(Set.of(), missing, "not in deploy/README.md's configuration reference");
    }

    @Test
    void everyVariableTheManifestsSetIsDocumented() throws IOException {
        String readme = Files.readString(Repo.deploy().resolve("README.md"));
        Set<String> missing = new TreeSet<>();
        for (String overlay : Repo.OVERLAYS) {
            List<JsonNode> objects = Rendered.overlay(overlay);
            for (JsonNode deployment : Rendered.ofKind(objects, "Deployment")) {
                for (String name : ServiceConfigTest.provided(objects, deployment.at("/spec/template/spec/containers/0")).keySet()) {
                    if (!readme.contains("`" + name + "`")) {
                        missing.add(name);
                    }
                }
            }
        }
        assertEquals(Set.of(), missing, "set by the manifests but not in deploy/README.md");
    }
}
