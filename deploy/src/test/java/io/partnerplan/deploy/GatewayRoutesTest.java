package io.partnerplan.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The Gateway API routes agree with deploy/gateway/routes, the table the local nginx gateway is
 * rendered from (scripts/gateway/render-nginx): the same prefixes to the same services, nothing
 * more; every backend is an existing Service port; every route is attached to a listener.
 */
class GatewayRoutesTest {

    static final List<String> OVERLAYS = Repo.OVERLAYS;

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void httpRoutesRouteExactlyAsTheRoutingTable(String overlay) throws IOException {
        List<JsonNode> objects = Rendered.overlay(overlay);
        Map<String, String> routed = new TreeMap<>();
        Map<String, String> bulkRoutes = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        for (JsonNode route : Rendered.ofKind(objects, "HTTPRoute")) {
            for (JsonNode rule : route.at("/spec/rules")) {
                if (rule.path("backendRefs").isEmpty()) {
                    // Only a redirect (prod: HTTP to HTTPS) may go without a backend.
                    boolean redirect = false;
                    for (JsonNode filter : rule.path("filters")) {
                        redirect |= "RequestRedirect".equals(filter.path("type").asText());
                    }
                    if (!redirect) {
                        problems.add(Rendered.id(route) + ": a rule with neither backend nor redirect");
                    }
                    continue;
                }
                if (rule.path("backendRefs").size() != 1) {
                    problems.add(Rendered.id(route) + ": one backend per rule expected");
                }
                String backend = rule.at("/backendRefs/0/name").asText();
                for (JsonNode match : rule.path("matches")) {
                    String type = match.at("/path/type").asText();
                    String path = match.at("/path/value").asText();
                    if ("Exact".equals(type) && match.size() == 1 && Repo.streamPaths().contains(path)) {
                        // An event stream's own rule: StreamRoutesTest checks it.
                        continue;
                    }
                    if ("Exact".equals(type) && match.size() == 1) {
                        // nginx's `location ~ /bulk$` inside each prefix: a bulk import gets minutes.
                        bulkRoutes.put(path, backend + " " + rule.at("/timeouts/request").asText());
                        continue;
                    }
                    if (!"PathPrefix".equals(type) || match.size() != 1) {
                        problems.add(Rendered.id(route) + ": only PathPrefix path matches (as nginx's prefix locations), got " + match);
                    }
                    String previous = routed.put(path, backend);
                    if (previous != null) {
                        problems.add("prefix " + path + " routed twice");
                    }
                }
                if (rule.path("matches").isEmpty()) {
                    problems.add(Rendered.id(route) + ": a rule without matches would catch every path");
                }
            }
        }
        assertEquals(List.of(), problems, overlay);
        assertEquals(new TreeMap<>(Repo.routes()), routed, overlay + ": HTTPRoutes must route exactly as deploy/gateway/routes");
        Map<String, String> bulkExpected = new TreeMap<>();
        for (String path : Repo.openApiPaths()) {
            if (path.endsWith("/bulk")) {
                Repo.routes().forEach((prefix, service) -> {
                    if (path.startsWith(prefix + "/")) {
                        bulkExpected.put(path, service + " 1800s");
                    }
                });
            }
        }
        assertFalse(bulkExpected.isEmpty(), "docs/openapi.yaml lists no bulk import");
        assertEquals(bulkExpected, bulkRoutes, overlay
                + ": every bulk import of docs/openapi.yaml needs an Exact rule to its service with a 1800s request timeout, as the local gateway gives it");
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyBackendIsAnExistingServicePortAndEveryRouteIsAttached(String overlay) {
        List<JsonNode> objects = Rendered.overlay(overlay);
        List<String> problems = new ArrayList<>();
        List<JsonNode> routes = Rendered.ofKind(objects, "HTTPRoute");
        assertFalse(routes.isEmpty());
        for (JsonNode route : routes) {
            for (JsonNode ref : route.at("/spec/rules").findValues("backendRefs")) {
                for (JsonNode backend : ref) {
                    String kind = backend.path("kind").asText("Service");
                    JsonNode service = Rendered.named(objects, "Service", backend.path("name").asText()).orElse(null);
                    boolean port = false;
                    if (service != null) {
                        for (JsonNode p : service.at("/spec/ports")) {
                            port |= p.path("port").asInt() == backend.path("port").asInt();
                        }
                    }
                    if (!"Service".equals(kind) || service == null || !port || backend.has("namespace")) {
                        problems.add(Rendered.id(route) + ": backend " + backend + " is not a port of a Service in the namespace");
                    }
                }
            }
            for (JsonNode parent : route.at("/spec/parentRefs")) {
                JsonNode gateway = Rendered.named(objects, "Gateway", parent.path("name").asText()).orElse(null);
                boolean listener = false;
                if (gateway != null) {
                    for (JsonNode l : gateway.at("/spec/listeners")) {
                        listener |= !parent.has("sectionName") || l.path("name").equals(parent.path("sectionName"));
                    }
                }
                if (gateway == null || !listener) {
                    problems.add(Rendered.id(route) + ": parent " + parent + " is no listener of a Gateway here");
                }
            }
        }
        assertEquals(List.of(), problems, overlay);
    }
}
