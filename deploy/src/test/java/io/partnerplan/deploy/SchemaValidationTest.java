package io.partnerplan.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import com.fasterxml.jackson.databind.JsonNode;

/** Every object of every overlay renders and is valid against the Kubernetes and CRD schemas. */
class SchemaValidationTest {

    static final List<String> OVERLAYS = Repo.OVERLAYS;

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyObjectMatchesItsSchema(String overlay) {
        List<JsonNode> objects = Rendered.overlay(overlay);
        List<String> problems = new ArrayList<>();
        for (JsonNode object : objects) {
            problems.addAll(Schemas.validate(object));
        }
        assertEquals(List.of(), problems, overlay + ": objects that do not match their schema");
        System.out.printf("overlay %s: %d objects valid against their schemas%n", overlay, objects.size());
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everythingLivesInThePartnerPlanNamespace(String overlay) {
        Set<String> outside = new TreeSet<>();
        for (JsonNode object : Rendered.overlay(overlay)) {
            boolean namespace = "Namespace".equals(object.path("kind").asText());
            String ns = object.path("metadata").path("namespace").asText();
            if (namespace ? !"partnerplan".equals(Rendered.name(object)) : !"partnerplan".equals(ns)) {
                outside.add(Rendered.id(object) + " in '" + ns + "'");
            }
        }
        assertEquals(Set.of(), outside);
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void noObjectIsDefinedTwice(String overlay) {
        Set<String> seen = new TreeSet<>();
        List<String> twice = new ArrayList<>();
        for (JsonNode object : Rendered.overlay(overlay)) {
            String key = object.path("apiVersion").asText() + " " + Rendered.id(object);
            if (!seen.add(key)) {
                twice.add(key);
            }
        }
        assertTrue(twice.isEmpty(), "defined twice: " + twice);
        assertFalse(seen.isEmpty());
    }
}
