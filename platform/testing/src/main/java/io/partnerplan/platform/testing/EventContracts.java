package io.partnerplan.platform.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import io.partnerplan.platform.events.EventContract;

/**
 * The event contracts of docs/events/schemas (JSON Schema 2020-12, one file per event type),
 * enforced in tests on both sides of the broker: a service that records an event whose data does
 * not match fails the test that caused it ({@link EventContract}, found by the Outbox), and a test
 * that plays another service sends only what that service's contract allows ({@link KafkaProbe#send}).
 * An event type without a schema is itself a failure: every type is documented.
 */
public final class EventContracts implements EventContract {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void requireValid(String shortName, String json) {
        check(shortName, json);
    }

    /** @throws IllegalStateException naming the type and every mismatch */
    public static void check(String shortName, String json) {
        List<Error> errors = schema(shortName).validate(json, InputFormat.JSON);
        if (!errors.isEmpty()) {
            throw new IllegalStateException("Event " + shortName + " breaks its contract docs/events/schemas/"
                    + shortName + ".json: " + errors.stream().map(Error::toString).toList() + "; data: " + json);
        }
    }

    /**
     * A test's example with every property it leaves out set to null, where the contract allows
     * null (at any depth): a test names the fields its consumer reads, the contract still rejects an
     * unknown (renamed) field or a missing required value.
     */
    public static String completeWithNulls(String shortName, String json) {
        try {
            JsonNode schema = JSON.readTree(text(shortName));
            JsonNode data = JSON.readTree(json);
            fill(data, schema, schema.path("$defs"));
            return JSON.writeValueAsString(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void fill(JsonNode data, JsonNode schema, JsonNode defs) {
        schema = resolve(schema, defs);
        if (data instanceof ObjectNode object && schema.has("properties")) {
            schema.get("properties").fields().forEachRemaining(p -> {
                JsonNode value = object.get(p.getKey());
                if (value == null && allowsNull(p.getValue(), defs)) {
                    object.putNull(p.getKey());
                } else if (value != null) {
                    fill(value, p.getValue(), defs);
                }
            });
        } else if (data.isArray() && schema.has("items")) {
            for (JsonNode item : data) {
                fill(item, schema.get("items"), defs);
            }
        }
    }

    /** A $ref to $defs, or the non-null branch of {@code anyOf: [X, null]}, as the generated schemas write them. */
    private static JsonNode resolve(JsonNode schema, JsonNode defs) {
        if (schema.has("anyOf")) {
            for (JsonNode option : schema.get("anyOf")) {
                if (!"null".equals(option.path("type").asText())) {
                    return resolve(option, defs);
                }
            }
        }
        if (schema.has("$ref") && schema.get("$ref").asText().startsWith("#/$defs/")) {
            return resolve(defs.path(schema.get("$ref").asText().substring("#/$defs/".length())), defs);
        }
        return schema;
    }

    private static boolean allowsNull(JsonNode property, JsonNode defs) {
        if (!property.has("type") && !property.has("$ref") && !property.has("anyOf") && !property.has("enum")) {
            return true; // any value
        }
        for (JsonNode option : property.path("anyOf")) {
            if ("null".equals(option.path("type").asText())) {
                return true;
            }
        }
        for (JsonNode type : property.path("type")) {
            if ("null".equals(type.asText())) {
                return true;
            }
        }
        return false;
    }

    private static Schema schema(String shortName) {
        return SCHEMAS.computeIfAbsent(shortName, name -> REGISTRY.getSchema(text(name), InputFormat.JSON));
    }

    private static String text(String shortName) {
        String resource = "partnerplan/event-schemas/" + shortName + ".json";
        try (InputStream in = EventContracts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Event type " + shortName + " has no contract: add it to"
                        + " docs/events/contracts.yaml and docs/events/README.md, then run scripts/openapi");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
