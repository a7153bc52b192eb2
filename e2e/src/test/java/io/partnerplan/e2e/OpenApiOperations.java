package io.partnerplan.e2e;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The operations of the merged OpenAPI document (docs/openapi.yaml), and minimal valid request
 * bodies and query strings generated from their schemas: the security suite tries every operation
 * the document lists, so an endpoint added tomorrow is tried without anyone remembering to.
 */
final class OpenApiOperations {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    private final JsonNode document;
    private final Map<String, Set<String>> alsoRequired;

    /**
     * @param alsoRequired per component schema, properties a valid instance needs although the
     *                     schema cannot say so (required by a rule between properties); filled from their examples
     */
    OpenApiOperations(Path file, Map<String, Set<String>> alsoRequired) throws IOException {
        this.document = YAML.readTree(file.toFile());
        this.alsoRequired = alsoRequired;
    }

    /** One operation: a method on a path template. */
    record Operation(String method, String path, JsonNode spec) {

        boolean writes() {
            return !method.equals("GET");
        }

        List<String> pathParameters() {
            List<String> names = new ArrayList<>();
            Matcher m = PATH_PARAMETER.matcher(path);
            while (m.find()) {
                names.add(m.group(1));
            }
            return names;
        }

        private List<JsonNode> parameters(String in) {
            List<JsonNode> found = new ArrayList<>();
            for (JsonNode p : spec.path("parameters")) {
                if (in.equals(p.path("in").asText())) {
                    found.add(p);
                }
            }
            return found;
        }

        boolean hasQuery(String name) {
            return parameters("query").stream().anyMatch(p -> name.equals(p.path("name").asText()));
        }

        boolean takesIfMatch() {
            return parameters("header").stream().anyMatch(p -> "If-Match".equalsIgnoreCase(p.path("name").asText()));
        }

        /** The request body's media types, empty without a body. */
        Set<String> bodyMediaTypes() {
            Set<String> types = new LinkedHashSet<>();
            spec.path("requestBody").path("content").fieldNames().forEachRemaining(types::add);
            return types;
        }

        JsonNode jsonBodySchema() {
            JsonNode schema = spec.path("requestBody").path("content").path("application/json").path("schema");
            return schema.isMissingNode() ? null : schema;
        }

        /** The schema of a JSON Merge Patch body (RFC 7396), read by the services as a JSON tree. */
        JsonNode mergePatchSchema() {
            JsonNode schema = spec.path("requestBody").path("content").path("application/merge-patch+json").path("schema");
            return schema.isMissingNode() ? null : schema;
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    List<Operation> operations() {
        List<Operation> all = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields();
            while (ops.hasNext()) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (METHODS.contains(op.getKey())) {
                    all.add(new Operation(op.getKey().toUpperCase(), path.getKey(), op.getValue()));
                }
            }
        }
        return all;
    }

    /**
     * The required query parameters with a valid value each, and the date and id ones too (a date
     * range, a plan): services check some of those themselves without the document saying so.
     */
    Map<String, String> requiredQuery(Operation operation, Function<String, String> uuids) {
        Map<String, String> query = new java.util.LinkedHashMap<>();
        for (JsonNode p : operation.parameters("query")) {
            String format = resolve(p.path("schema")).path("format").asText("");
            if (p.path("required").asBoolean(false) || format.equals("date") || format.equals("uuid")) {
                String name = p.path("name").asText();
                query.put(name, example(p.path("schema"), name, uuids).asText());
            }
        }
        return query;
    }

    /**
     * A minimal valid instance of the schema: its required properties only, each from the schema's
     * first example, else its first enum constant, else a value of its type, format and pattern;
     * UUIDs from {@code uuids} by property name (the fixture's ids).
     */
    JsonNode example(JsonNode schema, String name, Function<String, String> uuids) {
        JsonNode s = resolve(schema);
        String ref = schema == null ? "" : schema.path("$ref").asText("");
        Set<String> also = alsoRequired.getOrDefault(ref.substring(ref.lastIndexOf('/') + 1), Set.of());
        if (s.has("allOf")) {
            ObjectNode merged = NODES.objectNode();
            for (JsonNode part : s.path("allOf")) {
                JsonNode value = example(part, name, uuids);
                if (value.isObject()) {
                    merged.setAll((ObjectNode) value);
                } else {
                    return value;
                }
            }
            return merged;
        }
        if (s.has("oneOf") || s.has("anyOf")) {
            return example((s.has("oneOf") ? s.path("oneOf") : s.path("anyOf")).get(0), name, uuids);
        }
        String type = type(s);
        String format = s.path("format").asText("");
        if ("uuid".equals(format)) {
            return NODES.textNode(uuids.apply(name));
        }
        boolean isObject = "object".equals(type) || s.has("properties");
        if (!isObject && s.path("examples").isArray() && !s.path("examples").isEmpty() && !"date-time".equals(format)
                && !"local-time".equals(format)) {
            return s.path("examples").get(0);
        }
        if (s.path("enum").isArray() && !s.path("enum").isEmpty()) {
            return s.path("enum").get(0);
        }
        if (isObject) {
            ObjectNode object = NODES.objectNode();
            Set<String> properties = new LinkedHashSet<>();
            s.path("required").forEach(r -> properties.add(r.asText()));
            properties.addAll(also);
            for (String property : properties) {
                object.set(property, example(s.path("properties").path(property), property, uuids));
            }
            return object;
        }
        if ("array".equals(type)) {
            ArrayNode array = NODES.arrayNode();
            int items = Math.max(1, s.path("minItems").asInt(0));
            for (int i = 0; i < items; i++) {
                array.add(example(s.path("items"), name, uuids));
            }
            return array;
        }
        return switch (type == null ? "string" : type) {
            case "integer" -> NODES.numberNode(s.path("minimum").asLong(1));
            case "number" -> NODES.numberNode(s.path("minimum").asDouble(1));
            case "boolean" -> NODES.booleanNode(true);
            default -> NODES.textNode(string(s, format, name));
        };
    }

    private static String string(JsonNode s, String format, String name) {
        switch (format) {
            case "date":
                // The end of a range after its start.
                return name.equals("to") || name.toLowerCase().contains("end") ? "2027-06-30" : "2027-03-01";
            case "date-time":
                return "2027-03-01T09:00:00Z";
            case "local-time":
                return "09:00:00";
            case "uri", "uri-reference":
                return "https://example.com/hook";
            default:
                break;
        }
        String pattern = s.path("pattern").asText("");
        if (pattern.contains("[A-Z]{3}")) {
            return "USD";
        }
        if (pattern.contains("\\d")) {
            return "1";
        }
        if (pattern.startsWith("[A-Za-z]{2,3}")) {
            return "en";
        }
        return "x";
    }

    private static String type(JsonNode s) {
        JsonNode type = s.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!"null".equals(t.asText())) {
                    return t.asText();
                }
            }
        }
        return type.isTextual() ? type.asText() : null;
    }

    /** Follows a $ref, keeping the siblings of the reference (OpenAPI 3.1) over the target's keys. */
    JsonNode resolve(JsonNode schema) {
        if (schema == null || schema.isMissingNode()) {
            return NODES.objectNode();
        }
        if (!schema.has("$ref")) {
            return schema;
        }
        String ref = schema.path("$ref").asText();
        JsonNode target = document.at(ref.substring(1));
        ObjectNode merged = resolve(target).deepCopy();
        schema.fields().forEachRemaining(e -> {
            if (!e.getKey().equals("$ref") && !e.getKey().equals("type")) {
                merged.set(e.getKey(), e.getValue());
            }
        });
        return merged;
    }
}
