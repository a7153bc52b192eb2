package io.partnerplan.e2e;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The error answers every operation can give, written into the merged document so that it names
 * every status a client can see (the in-build validator fails on an undocumented one): each as an
 * RFC 9457 problem (application/problem+json) from components.responses. Which ones an operation
 * gets follows from what it declares: a body (413, 415), If-Match (412, 428), a write (409), a
 * bearer token (401, 403); every operation can answer 400 (a query parameter or value it does not
 * take), 404, 414 and 431 (the gateway's limits on the request line and headers), 429 (the gateway's
 * rate limit), 500 and 503 (database unavailable, Retry-After).
 * A status an operation documents itself keeps its own description and gets the problem body.
 */
final class ProblemAnswers {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Set<String> WRITES = Set.of("post", "put", "patch", "delete");
    /** SmallRye's own descriptions of the statuses it adds (security, validation): the standard answer says more. */
    private static final Set<String> GENERATED = Set.of("Not Authorized", "Not Allowed", "Bad Request");

    /** status -> (component name, description) */
    private static final Map<String, String[]> STANDARD = new LinkedHashMap<>();

    static {
        STANDARD.put("400", new String[] {"BadRequest",
                "The request breaks a rule: errors[] names every offending field or query parameter and its rule"});
        STANDARD.put("401", new String[] {"Unauthorized", "No valid bearer token"});
        STANDARD.put("403", new String[] {"Forbidden", "Your roles or organisation do not allow this"});
        STANDARD.put("404", new String[] {"NotFound", "No such resource in your tenant and organisation"});
        STANDARD.put("409", new String[] {"Conflict", "Conflicts with the resource's current state or a concurrent change"});
        STANDARD.put("412", new String[] {"PreconditionFailed", "Changed since you read it: If-Match does not match the ETag"});
        STANDARD.put("413", new String[] {"PayloadTooLarge", "The body is over the limit (1 MiB; 32 MiB for bulk uploads)"});
        STANDARD.put("414", new String[] {"UriTooLong", "The request line is over the gateway's limit"});
        STANDARD.put("415", new String[] {"UnsupportedMediaType", "The body is not in a media type this operation takes"});
        STANDARD.put("422", new String[] {"IdempotencyKeyReused", "The Idempotency-Key was used before with another body"});
        STANDARD.put("428", new String[] {"PreconditionRequired", "If-Match is required"});
        STANDARD.put("431", new String[] {"RequestHeaderFieldsTooLarge", "A request header is over the gateway's limit"});
        STANDARD.put("429", new String[] {"TooManyRequests", "Too many requests; retry after the seconds in Retry-After"});
        STANDARD.put("500", new String[] {"InternalError", "Something went wrong on our side; quote traceId when reporting it"});
        STANDARD.put("503", new String[] {"ServiceUnavailable", "Temporarily unavailable; retry after the seconds in Retry-After"});
    }

    private ProblemAnswers() {
    }

    static void addTo(ObjectNode paths, Map<String, JsonNode> responseComponents) {
        STANDARD.forEach((status, named) -> responseComponents.put(named[0], component(status, named[1])));
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            for (Iterator<Map.Entry<String, JsonNode>> ops = it.next().getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (op.getValue() instanceof ObjectNode operation && operation.has("responses")) {
                    complete(op.getKey(), operation);
                }
            }
        }
    }

    private static void complete(String method, ObjectNode operation) {
        ObjectNode responses = (ObjectNode) operation.get("responses");
        JsonNode ok = responses.path("200");
        if ("get".equals(method) && ok.isObject() && !ok.has("content") && !ok.has("$ref")) {
            throw new IllegalStateException("GET " + operation.path("summary").asText() + ": its 200 answer has no documented "
                    + "body; a resource returning Response needs @APIResponse(responseCode = \"200\", content = ...)");
        }
        boolean body = operation.has("requestBody");
        boolean ifMatch = false;
        boolean idempotencyKey = false;
        for (JsonNode parameter : operation.path("parameters")) {
            ifMatch |= "If-Match".equalsIgnoreCase(parameter.path("name").asText());
            idempotencyKey |= "Idempotency-Key".equalsIgnoreCase(parameter.path("name").asText());
        }
        boolean secured = operation.has("security") && !operation.get("security").isEmpty();
        for (String status : STANDARD.keySet()) {
            boolean applies = switch (status) {
                case "401", "403" -> secured;
                case "409" -> WRITES.contains(method);
                case "412", "428" -> ifMatch;
                case "413", "415" -> body;
                case "422" -> idempotencyKey || "post".equals(method);
                default -> true;
            };
            if (!applies && !responses.has(status)) {
                continue;
            }
            JsonNode own = responses.get(status);
            if (own == null || GENERATED.contains(own.path("description").asText()) && !own.has("content")) {
                responses.set(status, JSON.objectNode().put("$ref", "#/components/responses/" + STANDARD.get(status)[0]));
            } else if (own instanceof ObjectNode documented && !documented.has("$ref") && !documented.has("content")) {
                documented.set("content", problemContent());
                if (status.equals("429") || status.equals("503")) {
                    documented.set("headers", retryAfter());
                }
            }
        }
        // Keep the statuses in numeric order so the document reads (and diffs) well.
        ObjectNode sorted = JSON.objectNode();
        responses.properties().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> sorted.set(e.getKey(), e.getValue()));
        operation.set("responses", sorted);
    }

    private static ObjectNode component(String status, String description) {
        ObjectNode response = JSON.objectNode().put("description", description);
        if (status.equals("429") || status.equals("503")) {
            response.set("headers", retryAfter());
        }
        response.set("content", problemContent());
        return response;
    }

    private static ObjectNode retryAfter() {
        ObjectNode headers = JSON.objectNode();
        headers.putObject("Retry-After").put("description", "Seconds after which a retry is worth it")
                .putObject("schema").put("type", "integer");
        return headers;
    }

    private static ObjectNode problemContent() {
        ObjectNode content = JSON.objectNode();
        content.putObject("application/problem+json").putObject("schema").put("$ref", "#/components/schemas/Problem");
        return content;
    }
}
