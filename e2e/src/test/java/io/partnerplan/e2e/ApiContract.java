package io.partnerplan.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;

import io.partnerplan.platform.testing.Repository;

/**
 * docs/openapi.yaml as a contract every answer of the end-to-end tests is held to: the operation
 * must be documented, the status documented for it, the content type among the documented ones and
 * a JSON body valid against the documented schema (JSON Schema 2020-12 with the OpenAPI 3.1
 * dialect, by networknt's json-schema-validator; formats are asserted; object schemas are closed,
 * so an undocumented property fails too). Requests are checked too:
 * a request the document does not allow (an undocumented or missing required query parameter, a
 * body breaking its schema) must not be answered with success.
 *
 * <p>The REST Assured filter ({@link #installFilter()}) and the security suite's HTTP client call
 * {@link #check}; the counts are printed when the test run ends ({@link ApiContractSummary}).
 */
final class ApiContract {

    private static final String DOCUMENT_IRI = "https://partnerplan.io/openapi.yaml";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TEMPLATE = Pattern.compile("\\{([^}/]+)}");
    /** What must never reach a client: Java class names and exception types. */
    private static final Pattern CLASS_NAME = Pattern.compile(
            "\\b(?:io\\.partnerplan|java\\.(?:lang|util|time|io|net)|com\\.fasterxml|org\\.hibernate|org\\.jboss|jakarta|io\\.quarkus|io\\.vertx)\\.[A-Za-z.]+"
            + "|\\b[A-Z][A-Za-z]+(?:Exception|Error)\\b");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    static final AtomicInteger RESPONSES = new AtomicInteger();
    static final AtomicInteger REQUEST_BODIES = new AtomicInteger();
    static final Set<String> EXERCISED = ConcurrentHashMap.newKeySet();
    static final List<String> VIOLATIONS = java.util.Collections.synchronizedList(new ArrayList<>());

    private static volatile ApiContract instance;
    private static boolean filterInstalled;

    private final JsonNode document;
    private final List<Route> routes = new ArrayList<>();
    private final SchemaRegistry schemas;
    private final Map<String, Schema> compiled = new ConcurrentHashMap<>();

    /** A documented operation: method and path template, with the JSON pointer of its operation object. */
    record Route(String method, String template, Pattern pattern, int literals, String pointer, JsonNode operation) {
        String name() {
            return method + " " + template;
        }
    }

    /** What the test sent and what it got. Header names are case-insensitive; the values are the first ones. */
    record Exchange(String method, URI uri, String requestContentType, String requestBody,
                    int status, String contentType, String body, Map<String, String> headers) {
    }

    private ApiContract(Path file) throws IOException {
        this.document = YAML.readTree(file.toFile());
        close(document.path("components").path("schemas"));
        close(document.path("paths"));
        String json = JSON.writeValueAsString(document);
        this.schemas = SchemaRegistry.withDialect(Dialects.getOpenApi31(), builder -> builder
                .schemas(Map.of(DOCUMENT_IRI, json))
                .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            String template = path.getKey();
            Matcher m = TEMPLATE.matcher(template);
            StringBuilder regex = new StringBuilder();
            int last = 0;
            while (m.find()) {
                regex.append(Pattern.quote(template.substring(last, m.start()))).append("[^/]+");
                last = m.end();
            }
            regex.append(Pattern.quote(template.substring(last)));
            int literals = (int) java.util.Arrays.stream(template.split("/")).filter(s -> !s.isEmpty() && !s.startsWith("{")).count();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (METHODS.contains(op.getKey())) {
                    routes.add(new Route(op.getKey().toUpperCase(Locale.ROOT), template, Pattern.compile(regex.toString()),
                            literals, "/paths/" + escape(template) + "/" + op.getKey(), withPathParameters(path.getValue(), op.getValue())));
                }
            }
        }
        // The most specific template first: /organisations/by-external-id/... before /organisations/{id}/...
        routes.sort(Comparator.comparingInt(Route::literals).reversed());
    }

    /**
     * Reads every object schema that names its properties as closed (no other property allowed),
     * so an answer carrying a property the document does not name fails: the document must tell
     * the whole truth, not only part of it. (The document has no allOf/oneOf, so this is exact.)
     */
    private static void close(JsonNode node) {
        if (node instanceof com.fasterxml.jackson.databind.node.ObjectNode object) {
            if (object.path("properties").isObject() && !object.has("additionalProperties")
                    && !object.has("unevaluatedProperties") && (!object.has("type") || "object".equals(object.path("type").asText()))) {
                object.put("additionalProperties", false);
            }
            object.forEach(ApiContract::close);
        } else if (node.isArray()) {
            node.forEach(ApiContract::close);
        }
    }

    static ApiContract document() {
        if (instance == null) {
            synchronized (ApiContract.class) {
                if (instance == null) {
                    try {
                        instance = new ApiContract(Repository.root().resolve("docs/openapi.yaml"));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        }
        return instance;
    }

    /** Every REST Assured call of the end-to-end tests through the gateway is checked from now on. */
    static synchronized void installFilter() {
        if (!filterInstalled) {
            io.restassured.RestAssured.filters(new ApiContractFilter());
            filterInstalled = true;
        }
    }

    int operationCount() {
        return routes.size();
    }

    List<String> operationNames() {
        return routes.stream().map(Route::name).sorted().toList();
    }

    /**
     * Checks one exchange; an answer outside the API's paths (the gateway's static files, test
     * support) is not part of the contract.
     *
     * @throws AssertionError listing every way the exchange breaks docs/openapi.yaml
     */
    void check(Exchange exchange) {
        if (!exchange.uri().getPath().startsWith("/api/")) {
            return;
        }
        List<String> violations = violations(exchange);
        RESPONSES.incrementAndGet();
        if (!violations.isEmpty()) {
            String report = describe(exchange, violations);
            VIOLATIONS.add(report);
            throw new AssertionError(report);
        }
    }

    List<String> violations(Exchange e) {
        List<String> violations = new ArrayList<>();
        String path = e.uri().getRawPath();
        List<Route> onPath = routes.stream().filter(r -> r.pattern().matcher(path).matches()).toList();
        String mediaType = mediaType(e.contentType());
        if (onPath.isEmpty()) {
            if (e.status() != 404 && e.status() != 405) {
                violations.add("no path of docs/openapi.yaml matches " + path + ", yet the answer was " + e.status());
            } else if (!"application/problem+json".equals(mediaType)) {
                violations.add("a " + e.status() + " must be application/problem+json, was " + e.contentType());
            }
            return violations;
        }
        int bestLiterals = onPath.get(0).literals();
        Route route = onPath.stream().filter(r -> r.literals() == bestLiterals && r.method().equals(e.method())).findFirst()
                .orElse(onPath.stream().filter(r -> r.method().equals(e.method())).findFirst().orElse(null));
        if (route == null) {
            if (e.status() != 405) {
                violations.add(e.method() + " is not documented on " + onPath.get(0).template() + " (documented: "
                        + onPath.stream().map(Route::method).toList() + "), yet the answer was " + e.status());
            }
            return violations;
        }
        EXERCISED.add(route.name());
        checkRequest(route, e, violations);
        checkResponse(route, e, mediaType, violations);
        return violations;
    }

    private void checkRequest(Route route, Exchange e, List<String> violations) {
        boolean success = e.status() >= 200 && e.status() < 300;
        Map<String, JsonNode> declared = new LinkedHashMap<>();
        for (JsonNode p : route.operation().path("parameters")) {
            if ("query".equals(p.path("in").asText())) {
                declared.put(p.path("name").asText(), p);
            }
        }
        Set<String> sent = new TreeSet<>();
        String query = e.uri().getRawQuery();
        if (query != null && !query.isEmpty()) {
            for (String pair : query.split("&")) {
                sent.add(URLDecoder.decode(pair.split("=", 2)[0], StandardCharsets.UTF_8));
            }
        }
        if (success) {
            for (String name : sent) {
                if (!declared.containsKey(name)) {
                    violations.add("request: query parameter '" + name + "' is not documented (documented: "
                            + declared.keySet() + "), yet the request succeeded");
                }
            }
            declared.forEach((name, p) -> {
                if (p.path("required").asBoolean() && !sent.contains(name)) {
                    violations.add("request: required query parameter '" + name + "' was missing, yet the request succeeded");
                }
            });
        }
        JsonNode body = route.operation().path("requestBody");
        String requestType = mediaType(e.requestContentType());
        if (e.requestBody() == null || e.requestBody().isEmpty() || body.isMissingNode() || !isJson(requestType)) {
            return;
        }
        JsonNode content = resolve(body).path("content");
        if (!content.has(requestType)) {
            if (success) {
                violations.add("request: sent " + requestType + ", documented: " + names(content) + ", yet the request succeeded");
            }
            return;
        }
        REQUEST_BODIES.incrementAndGet();
        String pointer = pointerOf(body, route.pointer() + "/requestBody") + "/content/" + escape(requestType) + "/schema";
        List<String> errors = validate(pointer, e.requestBody(), content.path(requestType).path("schema"));
        if (success && !errors.isEmpty()) {
            errors.forEach(error -> violations.add("request body (accepted with " + e.status() + "): " + error));
        }
    }

    private void checkResponse(Route route, Exchange e, String mediaType, List<String> violations) {
        if (e.body() != null) {
            Matcher leak = CLASS_NAME.matcher(e.body());
            if (leak.find()) {
                violations.add("the answer names a Java class or exception (" + leak.group() + "): say it in the API's words");
            }
        }
        JsonNode responses = route.operation().path("responses");
        String status = String.valueOf(e.status());
        String key = responses.has(status) ? status
                : responses.has(status.charAt(0) + "XX") ? status.charAt(0) + "XX"
                : responses.has("default") ? "default" : null;
        if (key == null) {
            violations.add("status " + e.status() + " is not documented for " + route.name() + " (documented: "
                    + names(responses) + ")");
            return;
        }
        JsonNode response = responses.get(key);
        String responsePointer = pointerOf(response, route.pointer() + "/responses/" + escape(key));
        response = resolve(response);
        for (Iterator<Map.Entry<String, JsonNode>> headers = response.path("headers").fields(); headers.hasNext(); ) {
            Map.Entry<String, JsonNode> header = headers.next();
            if (resolve(header.getValue()).path("required").asBoolean() && header(e, header.getKey()) == null) {
                violations.add("required header " + header.getKey() + " is missing");
            }
        }
        if ("application/problem+json".equals(mediaType) && e.body() != null && !e.body().isBlank()) {
            checkProblemType(e.body(), violations);
        }
        JsonNode content = response.path("content");
        boolean hasBody = e.body() != null && !e.body().isBlank();
        if (content.isEmpty()) {
            if (hasBody) {
                violations.add("status " + e.status() + " documents no body, but the answer has " + e.contentType()
                        + " content");
            }
            return;
        }
        if (!hasBody) {
            if (!"HEAD".equals(e.method())) {
                violations.add("status " + e.status() + " documents a body (" + names(content) + ") but the answer has none");
            }
            return;
        }
        String documented = content.has(mediaType) ? mediaType : null;
        if (documented == null) {
            for (String candidate : names(content)) {
                if (candidate.endsWith("/*") && mediaType != null
                        && (candidate.equals("*/*") || mediaType.startsWith(candidate.substring(0, candidate.length() - 1)))) {
                    documented = candidate;
                }
            }
        }
        if (documented == null) {
            violations.add("content type " + e.contentType() + " is not documented for status " + e.status()
                    + " (documented: " + names(content) + ")");
            return;
        }
        JsonNode schema = content.path(documented).path("schema");
        if (schema.isMissingNode() || !isJson(mediaType) && !"application/x-ndjson".equals(mediaType)) {
            return;
        }
        String pointer = responsePointer + "/content/" + escape(documented) + "/schema";
        if ("application/x-ndjson".equals(mediaType)) {
            int line = 0;
            for (String item : e.body().split("\n")) {
                line++;
                if (!item.isBlank()) {
                    int at = line;
                    validate(pointer, item, schema).forEach(error -> violations.add("body line " + at + ": " + error));
                }
            }
        } else {
            violations.addAll(validate(pointer, e.body(), schema).stream().map(error -> "body: " + error).toList());
        }
    }

    /** A problem's type must lead to its page: docs/problems/<slug>.md, served by the gateway at /problems/<slug>. */
    private static void checkProblemType(String body, List<String> violations) {
        String type;
        try {
            type = JSON.readTree(body).path("type").asText("");
        } catch (JsonProcessingException notJson) {
            return;
        }
        String base = "https://partnerplan.io/problems/";
        String slug = type.startsWith(base) ? type.substring(base.length()) : null;
        if (slug == null || !slug.matches("[a-z0-9-]+")) {
            violations.add("problem type '" + type + "' is not " + base + "<slug>");
        } else if (!Files.exists(Repository.root().resolve("docs/problems/" + slug + ".md"))) {
            violations.add("problem type '" + type + "' has no page: write docs/problems/" + slug + ".md (and list it in docs/problems/index.md)");
        }
    }

    private List<String> validate(String pointer, String json, JsonNode schemaNode) {
        try {
            JSON.readTree(json);
        } catch (JsonProcessingException notJson) {
            return List.of("is not JSON (" + notJson.getOriginalMessage() + ")");
        }
        Schema schema = compiled.computeIfAbsent(pointer, p -> schemas.getSchema(SchemaLocation.of(DOCUMENT_IRI + "#" + p)));
        List<Error> errors = schema.validate(json, com.networknt.schema.InputFormat.JSON);
        List<String> messages = new ArrayList<>();
        for (Error error : errors) {
            messages.add(error.getInstanceLocation() + ": " + error.getMessage() + " [" + error.getKeyword() + " at "
                    + error.getSchemaLocation() + "]");
        }
        return messages.stream().map(m -> m.replace(DOCUMENT_IRI, "docs/openapi.yaml")).distinct().toList();
    }

    /** A JSON pointer to what a node refers to, if it is a $ref, else the pointer it was found at. */
    private static String pointerOf(JsonNode node, String foundAt) {
        String ref = node.path("$ref").asText("");
        return ref.startsWith("#") ? ref.substring(1) : foundAt;
    }

    private JsonNode resolve(JsonNode node) {
        String ref = node.path("$ref").asText("");
        return ref.startsWith("#") ? document.at(ref.substring(1)) : node;
    }

    private static JsonNode withPathParameters(JsonNode pathItem, JsonNode operation) {
        if (!pathItem.has("parameters")) {
            return operation;
        }
        com.fasterxml.jackson.databind.node.ObjectNode copy = operation.deepCopy();
        com.fasterxml.jackson.databind.node.ArrayNode parameters = copy.withArray("parameters");
        pathItem.get("parameters").forEach(parameters::add);
        return copy;
    }

    private static String header(Exchange e, String name) {
        for (Map.Entry<String, String> h : e.headers().entrySet()) {
            if (h.getKey().equalsIgnoreCase(name)) {
                return h.getValue();
            }
        }
        return null;
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static String mediaType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return null;
        }
        return contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
    }

    private static boolean isJson(String mediaType) {
        return mediaType != null && (mediaType.equals("application/json") || mediaType.endsWith("+json"));
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    private static String describe(Exchange e, List<String> violations) {
        StringBuilder out = new StringBuilder("The answer breaks docs/openapi.yaml: ")
                .append(e.method()).append(' ').append(e.uri().getRawPath())
                .append(e.uri().getRawQuery() == null ? "" : "?" + e.uri().getRawQuery())
                .append(" -> ").append(e.status()).append(' ').append(e.contentType() == null ? "(no content type)" : e.contentType());
        for (String violation : violations) {
            out.append("\n  - ").append(violation);
        }
        if (e.requestBody() != null && !e.requestBody().isEmpty()) {
            out.append("\n  request body: ").append(abbreviate(e.requestBody()));
        }
        if (e.body() != null && !e.body().isEmpty()) {
            out.append("\n  answer body: ").append(abbreviate(e.body()));
        }
        out.append("\n  Fix the service or its annotations, then run scripts/openapi.");
        return out.toString();
    }

    private static String abbreviate(String text) {
        return text.length() <= 1200 ? text : text.substring(0, 1200) + "... (" + text.length() + " characters)";
    }

    /** Writes the figures of this run to target/api-contract.txt (the summary prints them). */
    static void writeReport(Path file) {
        if (instance == null) {
            return;
        }
        List<String> unexercised = instance.operationNames().stream().filter(n -> !EXERCISED.contains(n)).toList();
        StringBuilder report = new StringBuilder()
                .append("responses checked against docs/openapi.yaml: ").append(RESPONSES.get()).append('\n')
                .append("request bodies checked: ").append(REQUEST_BODIES.get()).append('\n')
                .append("operations exercised: ").append(EXERCISED.size()).append(" of ").append(instance.operationCount()).append('\n')
                .append("violations: ").append(VIOLATIONS.size()).append('\n');
        unexercised.forEach(n -> report.append("not exercised: ").append(n).append('\n'));
        VIOLATIONS.forEach(v -> report.append(v).append("\n\n"));
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, report.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
