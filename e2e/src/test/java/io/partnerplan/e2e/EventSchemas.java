package io.partnerplan.e2e;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Writes one JSON Schema per event type from docs/events/contracts.yaml, resolving its references
 * to docs/openapi.yaml's components into {@code $defs}, and making it strict: closed objects, every
 * property present (services write nulls, never omit), null allowed unless the contract requires a
 * value. See the header of contracts.yaml.
 */
final class EventSchemas {

    static final String COMPONENTS = "#/components/schemas/";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private EventSchemas() {
    }

    /** Event type → its schema document, as written to docs/events/schemas/&lt;type&gt;.json. */
    static Map<String, String> generate(Path contracts, String openapi) throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        JsonNode source = yaml.readTree(contracts.toFile());
        JsonNode components = yaml.readTree(openapi).path("components").path("schemas");
        Map<String, String> schemas = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = source.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            for (String type : entry.getKey().trim().split("\\s+")) {
                schemas.put(type, JSON.writeValueAsString(schemaOf(type, entry.getValue(), components)) + "\n");
            }
        }
        return schemas;
    }

    private static ObjectNode schemaOf(String type, JsonNode contract, JsonNode components) {
        ObjectNode root = NODES.objectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("$id", "https://partnerplan.dev/events/" + type + ".json");
        root.put("title", "Data of io.partnerplan." + type + ".v1");
        root.put("$comment", "Generated from docs/events/contracts.yaml and docs/openapi.yaml by scripts/openapi; do not edit.");
        ObjectNode body = strict(contract.deepCopy());
        root.setAll(body);
        ObjectNode defs = NODES.objectNode();
        Deque<String> pending = new ArrayDeque<>(referencedComponents(body));
        Set<String> seen = new HashSet<>(pending);
        while (!pending.isEmpty()) {
            String name = pending.pop();
            JsonNode component = components.get(name);
            if (component == null) {
                throw new IllegalArgumentException(type + " refers to " + name + ", which docs/openapi.yaml does not define");
            }
            // Jackson's JsonNode, as SmallRye describes it, is its Java API; on the wire it is any JSON value.
            ObjectNode def = "JsonNode".equals(name) ? NODES.objectNode() : strict(component.deepCopy());
            defs.set(name, def);
            for (String next : referencedComponents(def)) {
                if (seen.add(next)) {
                    pending.add(next);
                }
            }
        }
        if (!defs.isEmpty()) {
            root.set("$defs", sortedObject(defs));
        }
        return root;
    }

    /** Closes objects, requires every property, allows null where the contract does not require a value. */
    private static ObjectNode strict(ObjectNode schema) {
        JsonNode ref = schema.get("$ref");
        if (ref != null && ref.asText().startsWith(COMPONENTS)) {
            schema.put("$ref", "#/$defs/" + ref.asText().substring(COMPONENTS.length()));
        }
        schema.remove("examples");
        schema.remove("example");
        if (schema.get("properties") instanceof ObjectNode properties) {
            Set<String> required = new LinkedHashSet<>();
            schema.path("required").forEach(n -> required.add(n.asText()));
            ArrayNode all = NODES.arrayNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> p = it.next();
                ObjectNode property = strict((ObjectNode) p.getValue());
                p.setValue(required.contains(p.getKey()) ? property : nullable(property));
                all.add(p.getKey());
            }
            schema.set("required", all);
            if (!schema.has("additionalProperties")) {
                schema.put("additionalProperties", false);
            }
        }
        if (schema.get("items") instanceof ObjectNode items) {
            schema.set("items", strict(items));
        }
        if (schema.get("additionalProperties") instanceof ObjectNode values) {
            schema.set("additionalProperties", strict(values));
        }
        for (String combinator : List.of("allOf", "anyOf", "oneOf")) {
            if (schema.get(combinator) instanceof ArrayNode options) {
                for (int i = 0; i < options.size(); i++) {
                    options.set(i, strict((ObjectNode) options.get(i)));
                }
            }
        }
        return schema;
    }

    private static ObjectNode nullable(ObjectNode property) {
        if (property.has("$ref")) {
            ObjectNode either = NODES.objectNode();
            if (property.has("description")) {
                either.set("description", property.remove("description"));
            }
            ArrayNode options = either.putArray("anyOf");
            options.add(property);
            options.addObject().put("type", "null");
            return either;
        }
        JsonNode type = property.get("type");
        if (type != null && type.isTextual()) {
            property.putArray("type").add(type.asText()).add("null");
        } else if (type instanceof ArrayNode types && !types.toString().contains("\"null\"")) {
            types.add("null");
        }
        if (property.get("enum") instanceof ArrayNode values) {
            values.addNull();
        }
        return property;
    }

    private static List<String> referencedComponents(JsonNode node) {
        List<String> found = new ArrayList<>();
        collect(node, found);
        return found;
    }

    private static void collect(JsonNode node, List<String> found) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.asText().startsWith("#/$defs/")) {
                found.add(ref.asText().substring("#/$defs/".length()));
            }
            node.forEach(child -> collect(child, found));
        } else if (node.isArray()) {
            node.forEach(child -> collect(child, found));
        }
    }

    private static ObjectNode sortedObject(ObjectNode node) {
        Map<String, JsonNode> byName = new TreeMap<>();
        node.fields().forEachRemaining(e -> byName.put(e.getKey(), e.getValue()));
        ObjectNode sorted = NODES.objectNode();
        byName.forEach(sorted::set);
        return sorted;
    }
}
