package io.partnerplan.e2e;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

/**
 * Merges the services' generated OpenAPI documents into the one the gateway serves. Paths never
 * overlap (each service owns its prefixes); a component two services define must be identical
 * (they come from platform/, e.g. Problem), otherwise the merge fails and says which.
 */
final class OpenApiMerge {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS))
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private OpenApiMerge() {
    }

    /** Generated schemas of JDK types (LocalDate, Instant) differ only by example between services. */
    private static JsonNode withoutExamples(JsonNode schema) {
        if (!schema.isObject()) {
            return schema;
        }
        ObjectNode copy = schema.deepCopy();
        copy.remove(List.of("examples", "example"));
        return copy;
    }

    static String merge(List<Path> documents) throws IOException {
        Map<String, JsonNode> paths = new TreeMap<>();
        Map<String, Map<String, JsonNode>> components = new TreeMap<>();
        Map<String, JsonNode> tags = new TreeMap<>();
        String version = null;
        for (Path document : documents) {
            JsonNode doc = YAML.readTree(document.toFile());
            version = doc.path("openapi").asText();
            for (Iterator<Map.Entry<String, JsonNode>> it = doc.path("paths").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> path = it.next();
                if (paths.putIfAbsent(path.getKey(), path.getValue()) != null) {
                    throw new IllegalStateException("Two services serve " + path.getKey() + " (" + document + ")");
                }
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = doc.path("components").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> section = it.next();
                Map<String, JsonNode> merged = components.computeIfAbsent(section.getKey(), k -> new TreeMap<>());
                for (Iterator<Map.Entry<String, JsonNode>> items = section.getValue().fields(); items.hasNext(); ) {
                    Map.Entry<String, JsonNode> item = items.next();
                    JsonNode previous = merged.putIfAbsent(item.getKey(), item.getValue());
                    if (previous != null && !withoutExamples(previous).equals(withoutExamples(item.getValue()))) {
                        throw new IllegalStateException("components." + section.getKey() + "." + item.getKey()
                                + " differs between services (" + document + "); rename one or move it to platform/");
                    }
                }
            }
            for (JsonNode tag : doc.path("tags")) {
                tags.putIfAbsent(tag.path("name").asText(), tag);
            }
        }
        ObjectNode out = YAML.createObjectNode();
        out.put("openapi", version);
        ObjectNode info = out.putObject("info");
        info.put("title", "PartnerPlan API");
        info.put("version", "1.0.0");
        info.put("description", "Joint business planning between a vendor and its channel partners. "
                + "One document for every service behind the gateway. Errors are RFC 9457 problems "
                + "(application/problem+json); lists are cursor-paged; updates need If-Match; "
                + "POSTs accept Idempotency-Key.");
        out.putArray("servers").addObject().put("url", "/").put("description", "The PartnerPlan gateway");
        ArrayNode tagArray = out.putArray("tags");
        tags.values().forEach(tagArray::add);
        ObjectNode pathsNode = out.putObject("paths");
        paths.forEach(pathsNode::set);
        ProblemAnswers.addTo(pathsNode, components.computeIfAbsent("responses", k -> new TreeMap<>()));
        // A free-form JSON value (Jackson's JsonNode: a snapshot, a merge patch, a JSON Patch diff) is any JSON
        // value whose shape the operation's or property's description gives, not the getters SmallRye reads
        // from the JsonNode class.
        Map<String, JsonNode> schemas = components.get("schemas");
        if (schemas != null && schemas.containsKey("JsonNode")) {
            schemas.remove("JsonNodeType");
            schemas.put("JsonNode", YAML.createObjectNode()
                    .put("description", "A JSON value; its shape is described where it is used"));
        }
        ObjectNode componentsNode = out.putObject("components");
        components.forEach((section, items) -> {
            ObjectNode node = componentsNode.putObject(section);
            items.forEach(node::set);
        });
        return YAML.writeValueAsString(out);
    }
}
