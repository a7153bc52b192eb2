package io.partnerplan.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A Server-Sent Events stream is open for as long as its reader is there: its HTTPRoute rule must
 * carry no total deadline. Gateway API's {@code timeouts.request} (and {@code backendRequest}) are
 * totals, not idle timeouts, so the stream's rule sets them to "0s" (disabled); left out, the
 * implementation's default applies (Envoy: 15 s). Idle streams are closed by the implementation's
 * stream idle timeout, kept off by the service's heartbeat (deploy/README.md, "The gateway").
 */
class StreamRoutesTest {

    static final List<String> OVERLAYS = Repo.OVERLAYS;

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyEventStreamHasARuleWithoutATotalDeadline(String overlay) throws IOException {
        assertEquals(List.of(), problems(Rendered.overlay(overlay)), overlay);
    }

    @Test
    void aStreamRuleWithARequestTimeoutFails() throws IOException {
        List<JsonNode> objects = new ArrayList<>(Rendered.overlay("prod"));
        JsonNode route = Rendered.named(objects, "HTTPRoute", "notification-service").orElseThrow().deepCopy();
        ObjectNode streamRule = (ObjectNode) streamRule(route, "/api/v1/notifications/stream");
        ((ObjectNode) streamRule.path("timeouts")).put("request", "60s");
        objects.replaceAll(o -> Rendered.id(o).equals("HTTPRoute/notification-service") ? route : o);
        List<String> problems = problems(objects);
        assertTrue(problems.stream().anyMatch(p -> p.contains("total deadline")), problems.toString());
        System.out.println("negative test, SSE route with timeouts.request 60s: " + problems);
    }

    @Test
    void aStreamLeftToThePrefixRuleFails() throws IOException {
        List<JsonNode> objects = new ArrayList<>(Rendered.overlay("prod"));
        ObjectNode route = (ObjectNode) Rendered.named(objects, "HTTPRoute", "notification-service").orElseThrow().deepCopy();
        var rules = (com.fasterxml.jackson.databind.node.ArrayNode) route.path("spec").path("rules");
        for (int i = rules.size() - 1; i >= 0; i--) {
            if (rules.get(i).toString().contains("/api/v1/notifications/stream")) {
                rules.remove(i);
            }
        }
        objects.replaceAll(o -> Rendered.id(o).equals("HTTPRoute/notification-service") ? route : o);
        List<String> problems = problems(objects);
        assertTrue(problems.stream().anyMatch(p -> p.contains("no Exact rule")), problems.toString());
    }

    static List<String> problems(List<JsonNode> objects) throws IOException {
        List<String> streams = Repo.streamPaths();
        assertFalse(streams.isEmpty(), "docs/openapi.yaml lists no text/event-stream operation");
        List<String> problems = new ArrayList<>();
        for (String path : streams) {
            JsonNode rule = null;
            for (JsonNode route : Rendered.ofKind(objects, "HTTPRoute")) {
                JsonNode found = streamRule(route, path);
                if (found != null) {
                    rule = found;
                }
            }
            if (rule == null) {
                problems.add(path + ": no Exact rule of its own, so a prefix rule's total deadline (60 s) cuts the stream");
                continue;
            }
            for (String timeout : List.of("request", "backendRequest")) {
                JsonNode value = rule.path("timeouts").path(timeout);
                if (timeout.equals("request") ? !"0s".equals(value.asText()) : !(value.isMissingNode() || "0s".equals(value.asText()))) {
                    problems.add(path + ": timeouts." + timeout + " is " + (value.isMissingNode() ? "unset (the implementation's default)" : value.asText())
                            + ", a total deadline on an event stream; it must be 0s (disabled)");
                }
            }
        }
        return problems;
    }

    private static JsonNode streamRule(JsonNode route, String path) {
        for (JsonNode rule : route.path("spec").path("rules")) {
            for (JsonNode match : rule.path("matches")) {
                if ("Exact".equals(match.at("/path/type").asText()) && path.equals(match.at("/path/value").asText())) {
                    return rule;
                }
            }
        }
        return null;
    }
}
