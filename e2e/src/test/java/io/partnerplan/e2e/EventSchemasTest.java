package io.partnerplan.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import io.partnerplan.platform.testing.Repository;

/**
 * docs/events/schemas holds one contract per event type, generated from docs/events/contracts.yaml
 * ({@code scripts/openapi} rewrites them). The services' tests enforce them (platform/testing's
 * EventContracts); this test keeps them current, complete and loadable.
 */
class EventSchemasTest {

    private static final Path REPO = Repository.root();
    private static final Path SCHEMAS = REPO.resolve("docs/events/schemas");

    @Test
    void committedSchemasAreGeneratedFromTheContracts() throws IOException {
        // From the services' freshly generated documents, not docs/openapi.yaml, which the same
        // scripts/openapi run may be rewriting (OpenApiDocumentTest keeps the two equal).
        Map<String, String> generated = EventSchemas.generate(REPO.resolve("docs/events/contracts.yaml"),
                OpenApiDocumentTest.merged());
        if (Boolean.getBoolean("openapi.update")) {
            Files.createDirectories(SCHEMAS);
            try (Stream<Path> old = Files.list(SCHEMAS)) {
                for (Path file : old.toList()) {
                    Files.delete(file);
                }
            }
            for (Map.Entry<String, String> schema : generated.entrySet()) {
                Files.writeString(SCHEMAS.resolve(schema.getKey() + ".json"), schema.getValue());
            }
        }
        assertEquals(generated.keySet(), committedTypes(), "docs/events/schemas is stale: run scripts/openapi");
        for (Map.Entry<String, String> schema : generated.entrySet()) {
            assertEquals(schema.getValue(), Files.readString(SCHEMAS.resolve(schema.getKey() + ".json")),
                    schema.getKey() + ".json is stale: run scripts/openapi and commit the result");
        }
    }

    @Test
    void everyCatalogueEventHasAContractAndEveryContractACatalogueRow() throws IOException {
        // Against contracts.yaml itself, not the schema files: scripts/openapi may be writing those in this run.
        assertEquals(catalogueTypes(), EventSchemas.generate(REPO.resolve("docs/events/contracts.yaml"),
                        OpenApiDocumentTest.merged()).keySet(),
                "docs/events/README.md's catalogue and docs/events/contracts.yaml must name the same event types");
    }

    @Test
    void theArchitectureSaysWhereEveryEventGoes() throws IOException {
        assertEquals(catalogueTypes(), typesInTables("docs/architecture.md", "## Where does an event go, and who reacts"),
                "docs/architecture.md's \"Where does an event go\" tables must name every event type of the catalogue, and no other");
    }

    @Test
    void everySchemaLoadsAndRejectsAnEmptyObject() throws IOException {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        for (String type : committedTypes()) {
            var schema = registry.getSchema(Files.readString(SCHEMAS.resolve(type + ".json")), InputFormat.JSON);
            // Every contract requires its properties, so {} must fail, and load every $ref on the way.
            assertFalse(schema.validate("{}", InputFormat.JSON).isEmpty(), type + " accepts an empty object");
            assertFalse(schema.validate("{\"surely-not-a-field\": 1}", InputFormat.JSON).isEmpty(), type + " is open");
        }
    }

    private static Set<String> committedTypes() throws IOException {
        assertTrue(Files.isDirectory(SCHEMAS), "docs/events/schemas is missing: run scripts/openapi");
        try (Stream<Path> files = Files.list(SCHEMAS)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - ".json".length())).collect(TreeSet::new, Set::add, Set::addAll);
        }
    }

    /** The first column of the catalogue table: every backticked type name. */
    private static Set<String> catalogueTypes() throws IOException {
        return typesInTables("docs/events/README.md", "## Catalogue");
    }

    /** Every backticked type name in the first column of the tables under {@code heading} (up to the next "## "). */
    private static Set<String> typesInTables(String file, String heading) throws IOException {
        List<String> lines = Files.readAllLines(REPO.resolve(file));
        Set<String> types = new TreeSet<>();
        boolean inCatalogue = false;
        Pattern name = Pattern.compile("`([a-z][a-z0-9-]*(?:\\.[a-z][a-z0-9-]*)+)`");
        for (String line : lines) {
            if (line.startsWith("## ")) {
                inCatalogue = line.equals(heading);
            } else if (inCatalogue && line.startsWith("| `")) {
                Matcher m = name.matcher(line.split("\\|")[1]);
                while (m.find()) {
                    types.add(m.group(1));
                }
            }
        }
        assertFalse(types.isEmpty(), "no table of event types under " + heading + " in " + file);
        return types;
    }
}
