package io.partnerplan.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.partnerplan.platform.testing.Repository;

/**
 * The gateway serves one OpenAPI document, merged from the four generated ones. This test fails
 * when the committed {@code docs/openapi.yaml} is stale; {@code scripts/openapi} rewrites it.
 */
class OpenApiDocumentTest {

    private static final List<String> SERVICES = List.of("plan-service", "kpi-service", "calendar-service",
            "notification-service");

    /** The merge of the four services' generated documents, as docs/openapi.yaml must read. */
    static String merged() throws IOException {
        Path repo = Repository.root();
        List<Path> generated = new ArrayList<>();
        for (String service : SERVICES) {
            Path doc = repo.resolve(service).resolve("target/openapi/openapi.yaml");
            assertTrue(Files.exists(doc), "build " + service + " first: " + doc + " is missing");
            generated.add(doc);
        }
        return OpenApiMerge.merge(generated);
    }

    @Test
    void committedDocumentIsTheMergeOfTheGeneratedOnes() throws IOException {
        Path repo = Repository.root();
        String merged = merged();
        Path committed = repo.resolve("docs/openapi.yaml");
        if (Boolean.getBoolean("openapi.update")) {
            Files.createDirectories(committed.getParent());
            Files.writeString(committed, merged);
        }
        assertTrue(Files.exists(committed), "docs/openapi.yaml is missing: run scripts/openapi");
        assertEquals(merged, Files.readString(committed),
                "docs/openapi.yaml is stale: run scripts/openapi and commit the result");
    }

    @Test
    void mergedDocumentPassesLint() throws IOException {
        List<String> problems = OpenApiLint.check(Repository.root().resolve("docs/openapi.yaml"));
        assertEquals(List.of(), problems);
    }
}
