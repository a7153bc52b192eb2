package io.partnerplan.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * Offline schema validation of rendered objects, strict about unknown fields (as the API server's
 * strict field validation, kubectl's default, is):
 * <ul>
 * <li>built-in kinds are parsed into the official Kubernetes Java client's models, whose
 * {@code fromJson} rejects undeclared fields, missing required fields and wrongly typed values;</li>
 * <li>custom resources are validated against the {@code openAPIV3Schema} of their CRD
 * (src/test/resources/crds, upstream files), with {@code additionalProperties: false} wherever
 * the schema lists properties and does not preserve unknown fields.</li>
 * </ul>
 * An object of a kind with neither a model nor a CRD fails: nothing is waved through.
 */
final class Schemas {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> CRD_FILES = List.of("gateway-gateways.yaml", "gateway-httproutes.yaml",
            "strimzi-kafka.yaml", "strimzi-kafkanodepool.yaml", "strimzi-kafkatopic.yaml", "cnpg-clusters.yaml",
            "cnpg-scheduledbackups.yaml", "barman-cloud-objectstores.yaml", "prom-servicemonitors.yaml",
            "prom-podmonitors.yaml", "prom-prometheusrules.yaml", "cnpg-poolers.yaml", "strimzi-kafkauser.yaml",
            "keda-scaledobjects.yaml", "keda-triggerauthentications.yaml", "eso-externalsecrets.yaml",
            "envoy-gateway-backendtrafficpolicies.yaml", "envoy-gateway-securitypolicies.yaml",
            "envoy-gateway-clienttrafficpolicies.yaml");
    /** Built-in API groups whose kinds the Kubernetes client models. */
    private static final Set<String> BUILT_IN_GROUPS = Set.of("", "apps", "autoscaling", "policy", "networking.k8s.io",
            "batch", "rbac.authorization.k8s.io");

    private static Map<String, JsonSchema> crdSchemas;

    private Schemas() {
    }

    /** Problems found in one object; empty when it is valid. */
    static List<String> validate(JsonNode object) {
        String apiVersion = object.path("apiVersion").asText();
        String kind = object.path("kind").asText();
        String where = kind + "/" + object.path("metadata").path("name").asText() + " (" + apiVersion + ")";
        if (apiVersion.isEmpty() || kind.isEmpty()) {
            return List.of("object without apiVersion or kind: " + object);
        }
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        if (BUILT_IN_GROUPS.contains(group)) {
            return validateBuiltIn(object, apiVersion, kind, where);
        }
        JsonSchema schema = crdSchemas().get(apiVersion + "/" + kind);
        if (schema == null) {
            return List.of(where + ": no CRD schema for " + apiVersion + " " + kind + " in src/test/resources/crds");
        }
        List<String> problems = new ArrayList<>();
        for (ValidationMessage message : schema.validate(object)) {
            problems.add(where + ": " + message.getMessage());
        }
        return problems;
    }

    private static List<String> validateBuiltIn(JsonNode object, String apiVersion, String kind, String where) {
        String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
        String className = "io.kubernetes.client.openapi.models." + version.substring(0, 1).toUpperCase(Locale.ROOT)
                + version.substring(1) + kind;
        Method fromJson;
        try {
            fromJson = Class.forName(className).getMethod("fromJson", String.class);
        } catch (ClassNotFoundException | NoSuchMethodException e) {
            return List.of(where + ": the Kubernetes client has no model " + className + " (unknown kind or version)");
        }
        if ("Secret".equals(kind) && object.has("data")) {
            // The model decodes `data` (base64 bytes) with okio, which is not on this classpath (the
            // HTTP client is excluded): check the base64 here and validate the rest with stringData.
            ObjectNode copy = object.deepCopy();
            ObjectNode strings = copy.putObject("stringData");
            List<String> problems = new ArrayList<>();
            object.path("data").fields().forEachRemaining(e -> {
                try {
                    strings.put(e.getKey(), new String(java.util.Base64.getDecoder().decode(e.getValue().asText()),
                            java.nio.charset.StandardCharsets.UTF_8));
                } catch (IllegalArgumentException bad) {
                    problems.add(where + ": data." + e.getKey() + " is not base64");
                }
            });
            copy.remove("data");
            if (!problems.isEmpty()) {
                return problems;
            }
            object = copy;
        }
        try {
            fromJson.invoke(null, JSON.writeValueAsString(object));
            return List.of();
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            String message = cause.getMessage() == null ? cause.toString() : cause.getMessage();
            // The client's messages repeat the whole JSON: keep the statement.
            int json = message.indexOf(" JSON: ");
            return List.of(where + ": " + (json > 0 ? message.substring(0, json) : message));
        } catch (IllegalAccessException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static synchronized Map<String, JsonSchema> crdSchemas() {
        if (crdSchemas == null) {
            Map<String, JsonSchema> schemas = new HashMap<>();
            JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);
            for (String file : CRD_FILES) {
                JsonNode crd = readCrd(file);
                String group = crd.path("spec").path("group").asText();
                String kind = crd.path("spec").path("names").path("kind").asText();
                for (JsonNode version : crd.path("spec").path("versions")) {
                    if (!version.path("served").asBoolean()) {
                        continue;
                    }
                    JsonNode openApi = version.path("schema").path("openAPIV3Schema");
                    schemas.put(group + "/" + version.path("name").asText() + "/" + kind,
                            factory.getSchema(toJsonSchema(openApi.deepCopy())));
                }
            }
            crdSchemas = schemas;
        }
        return crdSchemas;
    }

    private static JsonNode readCrd(String file) {
        try (InputStream in = Schemas.class.getResourceAsStream("/crds/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing CRD resource crds/" + file);
            }
            return Rendered.YAML.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Structural-schema dialect to JSON Schema (draft 4, whose boolean exclusiveMinimum matches
     * OpenAPI 3.0): int-or-string and nullable become JSON Schema types; objects that list their
     * properties refuse others unless the schema preserves unknown fields.
     */
    static JsonNode toJsonSchema(JsonNode node) {
        if (node instanceof ArrayNode array) {
            array.forEach(Schemas::toJsonSchema);
            return node;
        }
        if (!(node instanceof ObjectNode schema)) {
            return node;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String key = field.getKey();
            if (key.equals("properties") || key.equals("patternProperties") || key.equals("definitions")) {
                field.getValue().forEach(Schemas::toJsonSchema);
            } else if (field.getValue().isContainerNode() && !key.equals("enum") && !key.equals("default")
                    && !key.equals("example") && !key.equals("required") && !key.startsWith("x-kubernetes-validations")) {
                toJsonSchema(field.getValue());
            }
        }
        if (schema.path("x-kubernetes-int-or-string").asBoolean()) {
            schema.remove("type");
            schema.remove("format");
            ArrayNode anyOf = schema.putArray("anyOf");
            anyOf.addObject().put("type", "integer");
            anyOf.addObject().put("type", "string");
        }
        if (schema.path("nullable").asBoolean() && schema.has("type") && schema.get("type").isTextual()) {
            ArrayNode types = JSON.createArrayNode().add(schema.get("type").asText()).add("null");
            schema.set("type", types);
        }
        boolean preserve = schema.path("x-kubernetes-preserve-unknown-fields").asBoolean();
        if (schema.has("properties") && !schema.has("additionalProperties") && !preserve) {
            schema.put("additionalProperties", false);
        }
        return schema;
    }
}
