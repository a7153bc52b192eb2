package io.partnerplan.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.partnerplan.e2e.OpenApiOperations.Operation;
import io.partnerplan.platform.testing.DevTokens;
import io.partnerplan.platform.testing.Repository;
import io.smallrye.jwt.build.Jwt;

/**
 * Issue 9's security checks, generated from the merged OpenAPI document: for every operation it
 * lists, through the gateway, a request without a token, with an expired one, with one signed by a
 * key nobody trusts and with an unsigned one must be refused with 401; another tenant's token with
 * 404 (or 403) on tenant A's resources; a partner's token with 404 (or 403) on another partner's
 * plan, MOP and partnership; a viewer's writes with 403 (or 404); a body over the limit with 413;
 * an unknown property in a JSON body with 400 naming it (no mass assignment); {@code limit=1000000}
 * with 400 naming {@code limit}. Every refusal is an application/problem+json body.
 *
 * <p>Path parameters are filled from one fixture seeded as tenant A (see {@link #pathIds}); an
 * operation with a parameter the fixture does not know fails, so a new endpoint is covered by
 * adding its id here, never forgotten.
 */
class SecurityIT {

    private static final String PROBLEM = "application/problem+json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** The services' JSON limit and the bulk uploads' own (partnerplan.http.max-body-size, max-bulk-body-size). */
    private static final int MAX_JSON = 1024 * 1024;
    private static final int MAX_BULK = 32 * 1024 * 1024;
    /** Streamed uploads, limited by lines and time instead of bytes (partnerplan.bulk.*; BulkMeasurementsTest). */
    private static final Set<String> STREAMED = Set.of("POST /api/v1/measurements/bulk", "POST /api/v1/deals/bulk");
    private static final String ALL_ROLES = "tenant-admin,vendor-manager,partner-owner,contributor,executive-sponsor,integration";

    /**
     * Writes any signed-in person may make whatever their role: their own absence, their own inbox,
     * preferences and settings.
     */
    private static final Set<String> SELF_SERVICE = Set.of(
            "POST /api/v1/availability",
            "PUT /api/v1/notifications/inbox/{id}/read",
            "DELETE /api/v1/notifications/inbox/{id}/read",
            "PUT /api/v1/notifications/preferences/{channel}/{eventType}",
            "DELETE /api/v1/notifications/preferences/{channel}/{eventType}",
            "PUT /api/v1/notifications/settings");

    /**
     * Cases known to fail, each with why: tried with a throwaway tenant of their own (so they leave
     * nothing behind for the other cases) and reported as skipped; once refused they fail until removed here.
     */
    private static final Map<String, String> KNOWN_GAPS = Map.of();

    /** Reads of organisations, their people and their calendars: a partner sees only its own and the vendor's. */
    private static final List<String> PARTNER_WORLD = List.of("/api/v1/organisations", "/api/v1/people", "/api/v1/fiscal-calendars",
            "/api/v1/programmes", "/api/v1/deals");

    /** Reads sent as POST because they carry a batch. */
    private static final Set<String> READS_BY_POST = Set.of("POST /api/v1/fiscal-calendars/{organisationId}/positions");

    private static boolean writes(Operation op) {
        return op.writes() && !READS_BY_POST.contains(op.toString());
    }

    /** What a path parameter's value belongs to, which decides who must be refused. */
    enum Scope {
        /** A plain value (a date, an event type, a KPI key): nobody's resource by itself. */
        VALUE,
        /** A resource of tenant A: another tenant must not reach it. */
        TENANT,
        /** Partner A's own organisation: another tenant must not reach it, another partner must not change it. */
        PARTNER_ORG,
        /** Part of the partnership between the vendor and partner A: another partner must not even see it. */
        PARTNERSHIP
    }

    record Id(String value, Scope scope) {
    }

    private static OpenApiOperations openApi;
    private static final Map<String, Id> pathIds = new HashMap<>();
    private static final List<String> notSeeded = new ArrayList<>();
    private static String tenantA;
    private static String vendor;
    private static String partnerA;
    private static String partnerB;
    private static String plan;
    private static String vmSubject;
    private static String ownerToken;
    private static String ownerOfA;
    private static String poSubjectOfA;
    private static String poPerson;
    private static String sharedTemplate;
    private static String unsharedTemplate;

    @BeforeAll
    static void fixture() throws Exception {
        // Rules between properties a schema cannot state: a Gregorian calendar needs its start, a KPI criterion its KPI.
        openApi = new OpenApiOperations(Repository.root().resolve("docs/openapi.yaml"), Map.of(
                "FiscalCalendarRequest", Set.of("startMonth", "startDay"),
                "MilestoneCriterionRequest", Set.of("kpi", "threshold", "windowStart", "windowEnd")));
        E2eStack.ensureUp();
        seedTenantA();
    }

    /** Templates: a partner reads those the vendor shared with it, never an unshared one; another partner neither. */
    @org.junit.jupiter.api.Test
    void aPartnerSeesOnlyTheTemplatesSharedWithIt() throws Exception {
        String otherPartner = DevTokens.tokenFor(tenantA, UUID.fromString(partnerB), "owner@partner-b.example", "partner-owner");
        HttpResponse<String> mine = exchange("GET", "/api/v1/templates", ownerOfA, null, null, Map.of());
        assertEquals(200, mine.statusCode(), mine.body());
        List<String> ids = JSON.readTree(mine.body()).path("items").findValuesAsText("id");
        assertEquals(List.of(sharedTemplate), ids, "partner A lists exactly the template shared with it: " + mine.body());
        assertTrue(JSON.readTree(mine.body()).path("items").get(0).path("sharing").isMissingNode()
                || JSON.readTree(mine.body()).path("items").get(0).path("sharing").isNull(), "nor whom else it is shared with: " + mine.body());
        assertEquals(200, exchange("GET", "/api/v1/templates/" + sharedTemplate, ownerOfA, null, null, Map.of()).statusCode());
        refusedTemplate(exchange("GET", "/api/v1/templates/" + unsharedTemplate, ownerOfA, null, null, Map.of()));
        HttpResponse<String> theirs = exchange("GET", "/api/v1/templates", otherPartner, null, null, Map.of());
        assertEquals(0, JSON.readTree(theirs.body()).path("items").size(), "another partner lists none: " + theirs.body());
        refusedTemplate(exchange("GET", "/api/v1/templates/" + sharedTemplate, otherPartner, null, null, Map.of()));
        refusedTemplate(exchange("GET", "/api/v1/templates/" + unsharedTemplate, otherPartner, null, null, Map.of()));
    }

    private static void refusedTemplate(HttpResponse<String> answer) {
        assertEquals(404, answer.statusCode(), answer.body());
        assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), answer.body());
    }

    @TestFactory
    Stream<DynamicNode> everyOperationRefusesWhatItMust() {
        List<Operation> operations = openApi.operations();
        List<DynamicNode> unauthenticated = new ArrayList<>();
        List<DynamicNode> otherTenant = new ArrayList<>();
        List<DynamicNode> otherPartner = new ArrayList<>();
        List<DynamicNode> viewerWrites = new ArrayList<>();
        List<DynamicNode> oversized = new ArrayList<>();
        List<DynamicNode> unknownProperty = new ArrayList<>();
        List<DynamicNode> hugeLimit = new ArrayList<>();
        List<DynamicNode> unknownQuery = new ArrayList<>();
        List<DynamicNode> unmapped = new ArrayList<>();
        List<DynamicNode> enrolment = new ArrayList<>();
        List<DynamicNode> visibility = new ArrayList<>();
        List<DynamicNode> claimTypes = new ArrayList<>();
        List<DynamicNode> controlCharacters = new ArrayList<>();
        List<DynamicNode> provenance = new ArrayList<>();
        List<DynamicNode> webhooks = new ArrayList<>();
        List<DynamicNode> bulkPartial = new ArrayList<>();

        String expired = expiredToken();
        String forged = forgedToken();
        String unsigned = unsignedToken();
        String tenantB = "sec-b-" + UUID.randomUUID().toString().substring(0, 8);
        // The same subject and every role, in another tenant: only the tenant tells them apart.
        String otherTenantToken = DevTokens.tokenFor(tenantB, UUID.randomUUID(), vmSubject, ALL_ROLES.split(","));
        String otherPartnerToken = DevTokens.tokenFor(tenantA, UUID.fromString(partnerB), "owner@partner-b.example",
                "partner-owner", "contributor");
        String viewerToken = DevTokens.tokenFor(tenantA, UUID.fromString(vendor), viewerSubject(), "viewer");
        String otherPartnerViewer = DevTokens.tokenFor(tenantA, UUID.fromString(partnerB), "viewer@partner-b.example", "viewer");

        List<Map.Entry<String, String>> oddTokens = oddTokens();
        int nth = 0;
        for (Operation op : operations) {
            List<String> missing = op.pathParameters().stream().filter(p -> idFor(op, p) == null).toList();
            if (missing.isEmpty() && op.bodyMediaTypes().contains("application/x-ndjson")) {
                bulkPartial.add(bulkPartialFailureCase(op));
            }
            if (!missing.isEmpty()) {
                unmapped.add(DynamicTest.dynamicTest(op.toString(), () -> fail(op + ": path parameter(s) " + missing
                        + " have no fixture id: seed one such resource as tenant A in SecurityIT.seedTenantA and map "
                        + "the parameter in pathIds (so the security checks cover this endpoint)")));
                continue;
            }
            unauthenticated.add(test(op, "no token", () -> refused(send(op, null, Map.of()), op, 401)));
            unauthenticated.add(test(op, "expired token", () -> refused(send(op, expired, Map.of()), op, 401)));
            unauthenticated.add(test(op, "token signed by another key", () -> refused(send(op, forged, Map.of()), op, 401)));
            unauthenticated.add(test(op, "unsigned token (alg none)", () -> refused(send(op, unsigned, Map.of()), op, 401)));
            // Issue 19 finding 6: a verified token whose claims have the wrong type (one kind per operation, in turn).
            Map.Entry<String, String> odd = oddTokens.get(nth++ % oddTokens.size());
            claimTypes.add(test(op, odd.getKey(), () -> {
                HttpResponse<String> answer = send(op, odd.getValue(), Map.of());
                refused(answer, op, 401);
                // A claim of the wrong type is named; a token without sub (and no other name) is already refused by
                // the JWT verifier itself, with a plain 401 problem.
                assertTrue(odd.getKey().equals("token without sub") || answer.body().contains("claim"),
                        op + ": the problem names the claim: " + answer.body());
            }));

            Set<Scope> scopes = op.pathParameters().stream().map(p -> idFor(op, p).scope()).collect(Collectors.toSet());
            if (scopes.contains(Scope.TENANT) || scopes.contains(Scope.PARTNER_ORG) || scopes.contains(Scope.PARTNERSHIP)) {
                String gap = KNOWN_GAPS.get("another tenant: " + op);
                if (gap != null) {
                    otherTenant.add(test(op, "another tenant's token (known gap)", () -> knownGap(op, gap)));
                } else {
                    otherTenant.add(test(op, "another tenant's token", () -> refused(send(op, otherTenantToken, Map.of()), op, 404, 403)));
                }
            }
            if (scopes.contains(Scope.PARTNERSHIP) || (writes(op) && scopes.contains(Scope.PARTNER_ORG))) {
                otherPartner.add(test(op, "another partner's token", () -> refused(send(op, otherPartnerToken, Map.of()), op, 404, 403)));
            }
            if (writes(op) && !SELF_SERVICE.contains(op.toString())) {
                viewerWrites.add(test(op, "viewer writes", () -> refused(send(op, viewerToken, Map.of()), op, 403, 404)));
            }
            if (!op.bodyMediaTypes().isEmpty() && !STREAMED.contains(op.toString())) {
                oversized.add(test(op, "oversized body", () -> refused(sendOversized(op), op, 413)));
            }
            JsonNode schema = op.jsonBodySchema();
            if (schema != null && openApi.resolve(schema).has("properties")) {
                unknownProperty.add(test(op, "unknown property", () -> {
                    ObjectNode body = (ObjectNode) body(op);
                    body.put("isAdmin", true);
                    HttpResponse<String> answer = send(op, ownerToken, Map.of(), JSON.writeValueAsString(body));
                    refused(answer, op, 400);
                    assertTrue(answer.body().contains("isAdmin"), op + ": the problem must name the unknown property isAdmin: " + answer.body());
                }));
            }
            unknownQuery.add(test(op, "unknown query parameter", () -> {
                HttpResponse<String> answer = send(op, ownerToken, Map.of("isAdmin", "true"));
                refused(answer, op, 400);
                JsonNode errors = JSON.readTree(answer.body()).path("errors");
                assertEquals("isAdmin", errors.path(0).path("field").asText(),
                        op + ": the problem must name the unknown query parameter isAdmin: " + answer.body());
            }));
            if (writes(op) && namesAPerson(op)) {
                enrolment.addAll(enrolmentCases(op));
            }
            if (!writes(op) && PARTNER_WORLD.stream().anyMatch(op.path()::startsWith)) {
                for (String token : List.of(otherPartnerToken, otherPartnerViewer)) {
                    String who = token.equals(otherPartnerViewer) ? "another partner's viewer" : "another partner's owner";
                    visibility.add(test(op, who + " sees nothing of partner A", () -> nothingOfPartnerA(op, token)));
                }
            }
            if (op.path().startsWith("/api/v1/notifications/webhooks")) {
                webhooks.add(partnerClientCase(op));
            }
            if (writes(op) && op.path().startsWith("/api/v1/measurements")) {
                provenance.addAll(provenanceCases(op));
            }
            // Merge patches are read as a JSON tree, not into a request record: the same rule applies to them.
            JsonNode textSchema = schema != null ? schema : op.mergePatchSchema();
            String textField = textSchema == null ? null : firstTextProperty(openApi.resolve(textSchema));
            if (textField != null) {
                controlCharacters.add(test(op, "NUL in " + textField, () -> {
                    ObjectNode body = (ObjectNode) openApi.example(textSchema, "body", SecurityIT::uuidFor);
                    body.put(textField, "North\u0000wind\u001b[2J");
                    HttpResponse<String> answer = send(op, ownerToken, Map.of(), JSON.writeValueAsString(body));
                    refused(answer, op, 400);
                    assertTrue(answer.body().contains("\"" + textField + "\""), op + ": the problem names " + textField + ": " + answer.body());
                }));
            }
            if (op.hasQuery("limit")) {
                hugeLimit.add(test(op, "limit=1000000", () -> {
                    HttpResponse<String> answer = send(op, ownerToken, Map.of("limit", "1000000"));
                    refused(answer, op, 400);
                    assertTrue(answer.body().contains("\"limit\""), op + ": the problem must name limit: " + answer.body());
                }));
            }
        }
        webhooks.add(DynamicTest.dynamicTest("a partner's subscription never receives another partner's plan events",
                SecurityIT::partnerSubscriptionHearsOnlyItsOwnPlans));
        List<DynamicNode> gateway = gatewayCases();
        int cases = unauthenticated.size() + otherTenant.size() + otherPartner.size() + viewerWrites.size()
                + oversized.size() + unknownProperty.size() + hugeLimit.size() + unmapped.size() + enrolment.size() + visibility.size()
                + claimTypes.size() + controlCharacters.size() + provenance.size() + webhooks.size() + gateway.size() + bulkPartial.size()
                + unknownQuery.size();
        System.out.printf("SecurityIT: %d operations, %d generated cases (unauthenticated %d, other tenant %d, other partner %d,"
                + " viewer writes %d, oversized %d, unknown property %d, limit %d, unknown query parameter %d, directory enrolment %d, directory visibility %d,"
                + " unmapped %d, token claim types %d, control characters %d, provenance %d, partner webhooks %d, gateway and limits %d,"
                + " bulk partial failure %d); fixture ids not seeded: %s%n",
                operations.size(), cases, unauthenticated.size(), otherTenant.size(), otherPartner.size(), viewerWrites.size(),
                oversized.size(), unknownProperty.size(), hugeLimit.size(), unknownQuery.size(), enrolment.size(), visibility.size(), unmapped.size(),
                claimTypes.size(), controlCharacters.size(), provenance.size(), webhooks.size(), gateway.size(), bulkPartial.size(), notSeeded);
        return Stream.of(
                DynamicContainer.dynamicContainer("path parameters without a fixture id", unmapped),
                DynamicContainer.dynamicContainer("no, expired, forged or unsigned token: 401", unauthenticated),
                DynamicContainer.dynamicContainer("another tenant: 404", otherTenant),
                DynamicContainer.dynamicContainer("another partner: 404", otherPartner),
                DynamicContainer.dynamicContainer("a viewer writes: 403", viewerWrites),
                DynamicContainer.dynamicContainer("oversized body: 413", oversized),
                DynamicContainer.dynamicContainer("unknown property: 400 naming it", unknownProperty),
                DynamicContainer.dynamicContainer("limit=1000000: 400 naming limit", hugeLimit),
                DynamicContainer.dynamicContainer("unknown query parameter: 400 naming it", unknownQuery),
                DynamicContainer.dynamicContainer("directory enrolment: only a side's own people, nobody sets an address", enrolment),
                DynamicContainer.dynamicContainer("directory visibility: a partner sees nothing of another partner", visibility),
                DynamicContainer.dynamicContainer("token claims of the wrong type: 401 naming the claim", claimTypes),
                DynamicContainer.dynamicContainer("control characters in a string field: 400 naming it", controlCharacters),
                DynamicContainer.dynamicContainer("measurement provenance: from the token, scoped to the organisation", provenance),
                DynamicContainer.dynamicContainer("partner webhooks: its own plans' events, nobody else's subscriptions", webhooks),
                DynamicContainer.dynamicContainer("gateway hygiene, rate limits, SSE expiry, dates", gateway),
                DynamicContainer.dynamicContainer("bulk partial failure: a result for every line read, never a 500", bulkPartial));
    }

    // ---------------------------------------------------------------- issue 19: tokens, gateway, limits

    /** Verified tokens (dev key) whose claims break a rule: each must be refused with 401. */
    private static List<Map.Entry<String, String>> oddTokens() {
        long now = Instant.now().getEpochSecond();
        List<String> roles = List.of(ALL_ROLES.split(","));
        java.util.function.Function<Map<String, Object>, String> sign = claims -> {
            Map<String, Object> all = new HashMap<>(Map.of("iss", DevTokens.ISSUER, "aud", "partnerplan", "iat", now, "exp", now + 3600,
                    "sub", vmSubject, "tenant", tenantA, "org", vendor, "groups", roles));
            all.putAll(claims);
            all.values().removeIf(v -> v == NONE);
            return Jwt.claims(all).jws().keyId("dev").sign(devKey());
        };
        return List.of(
                Map.entry("tenant claim a number", sign.apply(Map.of("tenant", 42))),
                Map.entry("org claim an array", sign.apply(Map.of("org", List.of(vendor, partnerA)))),
                Map.entry("groups claim a space-separated string", sign.apply(Map.of("groups", String.join(" ", roles)))),
                Map.entry("token without sub", sign.apply(Map.of("sub", NONE))),
                Map.entry("NUL in the tenant claim", sign.apply(Map.of("tenant", tenantA + "\u0000"))));
    }

    private static final Object NONE = new Object();

    /** The first plain string property of a body schema (no format, no enum): where text goes. */
    private static String firstTextProperty(JsonNode schema) {
        JsonNode properties = schema.path("properties");
        for (var it = properties.fields(); it.hasNext(); ) {
            var property = it.next();
            JsonNode p = openApi.resolve(property.getValue());
            boolean text = "string".equals(p.path("type").asText()) || (p.path("type").isArray() && p.path("type").toString().contains("\"string\""));
            if (text && !p.has("format") && !p.has("enum") && !p.has("pattern")) {
                return property.getKey();
            }
        }
        return null;
    }

    /** Cases that are about the gateway and the platform rather than one operation. */
    private static List<DynamicNode> gatewayCases() {
        List<DynamicNode> cases = new ArrayList<>();
        String plans = "/api/v1/plans";
        cases.add(DynamicTest.dynamicTest("request-id injection: replaced, never echoed into a body", () -> {
            String injected = "x\",\"detail\":\"injected";
            for (String path : List.of("/no/such/path", plans + "/" + UUID.randomUUID())) {
                HttpResponse<String> answer = exchange("GET", path, ownerToken, null, null, Map.of("X-Request-Id", injected));
                assertEquals(404, answer.statusCode(), path);
                JsonNode problem = JSON.readTree(answer.body());
                assertTrue(!answer.body().contains("injected"), path + ": " + answer.body());
                assertEquals(1, answer.headers().allValues("X-Request-Id").size(), "X-Request-Id once: " + answer.headers().map());
                assertEquals(answer.headers().firstValue("X-Request-Id").orElseThrow(), problem.path("traceId").asText());
            }
            HttpResponse<String> kept = exchange("GET", "/no/such/path", ownerToken, null, null, Map.of("X-Request-Id", "abc-123.4:5_6"));
            assertEquals("abc-123.4:5_6", kept.headers().firstValue("X-Request-Id").orElseThrow(), "a safe id is kept");
        }));
        cases.add(DynamicTest.dynamicTest("security headers: nosniff, no-store on API answers", () -> {
            HttpResponse<String> answer = exchange("GET", plans, ownerToken, null, null, Map.of());
            assertEquals(200, answer.statusCode());
            assertEquals("nosniff", answer.headers().firstValue("X-Content-Type-Options").orElse(null));
            assertEquals("no-store", answer.headers().firstValue("Cache-Control").orElse(null));
        }));
        cases.add(DynamicTest.dynamicTest("no Host reflection in Location", () -> {
            HttpResponse<String> answer = rawExchange("POST", "/api/v1/organisations", DevTokens.token(tenantA, null, "tenant-admin"),
                    "{\"name\":\"Host check\",\"kind\":\"PARTNER\",\"timeZone\":\"UTC\"}", "evil.example:666");
            assertEquals(201, answer.statusCode(), answer.body());
            String location = answer.headers().firstValue("Location").orElseThrow();
            assertTrue(!location.contains("evil.example"), "Location: " + location);
        }));
        cases.add(DynamicTest.dynamicTest("gateway errors are problems: 400, 414", () -> {
            HttpResponse<String> tooLong = exchange("GET", "/api/v1/plans?q=" + "a".repeat(9000), ownerToken, null, null, Map.of());
            assertEquals(414, tooLong.statusCode());
            assertTrue(tooLong.headers().firstValue("Content-Type").orElse("").startsWith(PROBLEM), tooLong.headers().map().toString());
            assertEquals(414, JSON.readTree(tooLong.body()).path("status").asInt());
            try (java.net.Socket socket = new java.net.Socket("127.0.0.1", E2eStack.GATEWAY)) {
                socket.getOutputStream().write("GET /api/v1/plans HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                String raw = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
                assertTrue(raw.startsWith("HTTP/1.1 400"), raw);
                assertTrue(raw.contains("application/problem+json") && raw.contains("\"status\":400"), raw);
            }
        }));
        cases.add(DynamicTest.dynamicTest("rate limit: a tenant on the trial quota gets 429 problems with Retry-After", () -> {
            String trial = "sec-rl-" + UUID.randomUUID().toString().substring(0, 8);
            String token = DevTokens.token(trial, UUID.randomUUID(), "vendor-manager");
            int refusedCount = 0;
            HttpResponse<String> last = null;
            for (int i = 0; i < 30; i++) {
                HttpResponse<String> answer = exchange("GET", plans, token, null, null, Map.of());
                if (answer.statusCode() == 429) {
                    refusedCount++;
                    last = answer;
                } else {
                    assertTrue(answer.statusCode() < 500, answer.statusCode() + " " + answer.body());
                }
            }
            assertTrue(refusedCount > 0, "30 requests at once on the trial quota (2/s, burst 5) were all answered");
            assertTrue(last.headers().firstValue("Content-Type").orElse("").startsWith(PROBLEM));
            assertEquals(429, JSON.readTree(last.body()).path("status").asInt());
            assertTrue(last.headers().firstValue("Retry-After").isPresent(), last.headers().map().toString());
            assertEquals(200, exchange("GET", plans, ownerToken, null, null, Map.of()).statusCode(), "other tenants are not throttled");
        }));
        cases.add(DynamicTest.dynamicTest("SSE: the inbox stream ends with its token", () -> {
            long now = Instant.now().getEpochSecond();
            String shortLived = Jwt.issuer(DevTokens.ISSUER).audience("partnerplan").subject(vmSubject)
                    .groups(Set.of("vendor-manager")).claim("tenant", tenantA).claim("org", vendor)
                    .issuedAt(now).expiresAt(now + 3).jws().keyId("dev").sign(devKey());
            HttpRequest request = HttpRequest.newBuilder(URI.create(gateway() + "/api/v1/notifications/stream"))
                    .header("Authorization", "Bearer " + shortLived).header("Accept", "text/event-stream")
                    .timeout(Duration.ofSeconds(30)).build();
            long started = System.nanoTime();
            HttpResponse<String> answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
            assertEquals(200, answer.statusCode(), answer.body());
            assertTrue(seconds < 20, "the stream ended " + seconds + " s after a 3 s token");
            assertTrue(answer.body().contains("token-expired"), answer.body());
        }));
        cases.add(DynamicTest.dynamicTest("dates: horizonFrom=-999999999-01-01 and a 0000-9999 horizon are 400", () -> {
            HttpResponse<String> query = exchange("GET", plans + "?horizonFrom=-999999999-01-01", ownerToken, null, null, Map.of());
            assertEquals(400, query.statusCode(), query.body());
            assertTrue(query.body().contains("horizonFrom"), query.body());
            String vm = DevTokens.tokenFor(tenantA, UUID.fromString(vendor), vmSubject, "vendor-manager");
            for (String[] horizon : List.of(new String[] {"0000-01-01", "9999-12-31"}, new String[] {"2027-01-01", "2099-12-31"})) {
                HttpResponse<String> answer = exchange("POST", plans, vm, "application/json", JSON.writeValueAsString(Map.of(
                        "partnerOrganisationId", partnerA, "title", "Forever", "horizonStart", horizon[0], "horizonEnd", horizon[1])), Map.of());
                assertEquals(400, answer.statusCode(), answer.body());
                assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith(PROBLEM));
            }
        }));
        return cases;
    }

    /** A request with a Host header of the caller's choosing (HttpClient does not allow setting it). */
    private static HttpResponse<String> rawExchange(String method, String path, String token, String json, String host) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", E2eStack.GATEWAY)) {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            String head = method + " " + path + " HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(body);
            String raw = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(raw.substring(9, 12));
            Map<String, List<String>> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            String[] lines = raw.substring(0, raw.indexOf("\r\n\r\n")).split("\r\n");
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.computeIfAbsent(lines[i].substring(0, colon).trim(), k -> new ArrayList<>()).add(lines[i].substring(colon + 1).trim());
            }
            String content = raw.substring(raw.indexOf("\r\n\r\n") + 4);
            return new SimpleResponse(status, java.net.http.HttpHeaders.of(headers, (a, b) -> true), content);
        }
    }

    private record SimpleResponse(int statusCode, java.net.http.HttpHeaders headers, String body) implements HttpResponse<String> {
        @Override public HttpRequest request() { return null; }
        @Override public java.util.Optional<HttpResponse<String>> previousResponse() { return java.util.Optional.empty(); }
        @Override public java.util.Optional<javax.net.ssl.SSLSession> sslSession() { return java.util.Optional.empty(); }
        @Override public URI uri() { return null; }
        @Override public HttpClient.Version version() { return HttpClient.Version.HTTP_1_1; }
    }

    private static void knownGap(Operation op, String reason) throws Exception {
        String throwaway = DevTokens.tokenFor("sec-gap-" + UUID.randomUUID().toString().substring(0, 8), UUID.randomUUID(), vmSubject,
                ALL_ROLES.split(","));
        HttpResponse<String> answer = send(op, throwaway, Map.of());
        if (answer.statusCode() == 404 || answer.statusCode() == 403) {
            fail("another tenant: " + op + " is refused now (" + answer.statusCode() + "): remove it from SecurityIT.KNOWN_GAPS");
        }
        Assumptions.abort("known gap, answered " + answer.statusCode() + ": " + reason);
    }

    /**
     * Finding 7 of issue 19, for every NDJSON upload: a line that is JSON {@code null} between two good
     * lines is rejected on its own, the good lines around it are written, and the answer has a result for
     * every line read: never a 500 that hides committed rows.
     */
    private static DynamicTest bulkPartialFailureCase(Operation op) {
        return test(op, "a null line between good ones", () -> {
            boolean measurements = op.path().startsWith("/api/v1/measurements");
            boolean deals = op.path().startsWith("/api/v1/deals");
            String token = measurements || deals ? ownerOfA : ownerToken;
            List<String> good = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                String externalId = "sec-partial-" + UUID.randomUUID();
                good.add(JSON.writeValueAsString(measurements
                        ? Map.of("planId", plan, "kpi", "revenue", "value", "100", "currency", "USD", "occurredOn", "2027-03-31",
                                "externalId", externalId)
                        : deals ? Map.of("externalId", externalId, "account", "Globex", "amount", "100", "currency", "USD",
                                "stage", "REGISTERED", "expectedCloseOn", "2027-06-30")
                        : Map.of("system", "sec-crm", "externalId", externalId, "name", "Partial " + externalId, "kind", "PARTNER",
                                "timeZone", "UTC")));
            }
            HttpResponse<String> answer = exchange(op.method(), url(op, Map.of()), token, "application/x-ndjson",
                    good.get(0) + "\nnull\n" + good.get(1) + "\n", Map.of());
            assertEquals(200, answer.statusCode(), op + ": " + answer.body());
            List<JsonNode> results = new ArrayList<>();
            for (String line : answer.body().lines().filter(l -> !l.isBlank()).toList()) {
                results.add(JSON.readTree(line));
            }
            assertEquals(3, results.size(), op + ": a result per line: " + answer.body());
            assertEquals("rejected", results.get(1).path("outcome").asText(), op + ": " + answer.body());
            assertEquals(2, results.get(1).path("line").asInt(), op + ": " + answer.body());
            for (int i : new int[] {0, 2}) {
                assertTrue(List.of("accepted", "created").contains(results.get(i).path("outcome").asText()),
                        op + ": line " + (i + 1) + " is written: " + answer.body());
            }
        });
    }

    private static DynamicTest test(Operation op, String what, org.junit.jupiter.api.function.Executable check) {
        return DynamicTest.dynamicTest(what + ": " + op, check);
    }

    // ---------------------------------------------------------------- the directory (issue 19)

    /** plan-service's writes whose body names a person (by subject or address): they enrol people or describe them. */
    private static boolean namesAPerson(Operation op) {
        if (!List.of("/api/v1/plans", "/api/v1/people", "/api/v1/invitations").stream().anyMatch(op.path()::startsWith)) {
            return false;
        }
        JsonNode schema = op.jsonBodySchema();
        JsonNode properties = schema == null ? null : openApi.resolve(schema).path("properties");
        return properties != null && (properties.has("subject") || properties.has("email"));
    }

    /**
     * Finding 1 of issue 19, for every write whose body names a person: a body without an address of
     * its own refuses one (400 naming it: nobody sets another person's address); the partner's owner
     * never names the vendor's people (the vendor's manager, by subject or address), nor does the
     * partner's client (409: they are the vendor's); an invitation is taken only by its own addressee.
     */
    private static List<DynamicNode> enrolmentCases(Operation op) {
        List<DynamicNode> cases = new ArrayList<>();
        JsonNode properties = openApi.resolve(op.jsonBodySchema()).path("properties");
        if (!properties.has("email")) {
            cases.add(test(op, "a body sets someone's address", () -> {
                ObjectNode body = (ObjectNode) body(op);
                body.put("email", "attacker@evil.example");
                HttpResponse<String> answer = send(op, ownerOfA, Map.of(), JSON.writeValueAsString(body));
                refused(answer, op, 400);
                assertTrue(answer.body().contains("email"), op + ": the problem must name email: " + answer.body());
            }));
        }
        cases.add(test(op, "partner A names the vendor's manager", () -> {
            ObjectNode body = (ObjectNode) body(op);
            if (properties.has("subject")) {
                body.put("subject", vmSubject);
            }
            if (properties.has("email")) {
                body.put("email", vmSubject);
            }
            if (properties.has("role")) {
                body.put("role", "vendor-manager");
            }
            String partnerClient = DevTokens.tokenFor(tenantA, UUID.fromString(partnerA), "crm@northwind.example", "integration");
            String token = op.path().startsWith("/api/v1/people") ? partnerClient : ownerOfA;
            refused(send(op, token, Map.of(), JSON.writeValueAsString(body)), op, 400, 403, 409);
            HttpResponse<String> me = exchange("GET", "/api/v1/people/me", ownerToken, null, null, Map.of());
            assertEquals(vmSubject, JSON.readTree(me.body()).path("email").asText(), "the vendor manager's address is their own: " + me.body());
            HttpResponse<String> members = exchange("GET", "/api/v1/plans/" + plan + "/members?limit=100", ownerToken, null, null, Map.of());
            for (JsonNode member : JSON.readTree(members.body()).path("items")) {
                assertTrue(!member.path("subject").asText().equals(vmSubject) || member.path("side").asText().equals("VENDOR"),
                        "the vendor manager is on no partner side: " + members.body());
            }
        }));
        return cases;
    }

    /**
     * Finding 5 of issue 19: a read of organisations, people or fiscal calendars as another partner (any
     * role) answers 404 for partner A's, and a list shows nothing of partner A.
     */
    private static void nothingOfPartnerA(Operation op, String token) throws Exception {
        HttpResponse<String> answer = send(op, token, Map.of());
        if (op.pathParameters().isEmpty()) {
            assertTrue(answer.statusCode() / 100 == 2 || answer.statusCode() == 404, op + " answered " + answer.statusCode() + " " + answer.body());
            assertTrue(!answer.body().contains(partnerA) && !answer.body().contains(poSubjectOfA),
                    op + " shows partner A to another partner: " + answer.body());
        } else {
            refused(answer, op, 404);
        }
    }

    // ---------------------------------------------------------------- measurement provenance (issue 19)

    /** The vendor's CRM client (client id in azp) and the partner's client that happens to carry the same client id. */
    private static String vendorClient() {
        return DevTokens.integration(tenantA, UUID.fromString(vendor), "contoso-crm");
    }

    /**
     * Finding 2 of issue 19, for every write of measurements: a body naming a source cannot take it (400
     * naming source), an external id is the caller's organisation's own (another organisation's same id
     * writes a row of its own), and a person never overwrites what an integration wrote (409 naming the
     * rule). Afterwards the vendor client's value is unchanged.
     */
    private static List<DynamicNode> provenanceCases(Operation op) {
        List<DynamicNode> cases = new ArrayList<>();
        JsonNode schema = op.jsonBodySchema();
        JsonNode properties = schema == null ? null : openApi.resolve(schema).path("properties");
        boolean bulk = op.bodyMediaTypes().contains("application/x-ndjson");
        if (properties != null && properties.has("source") && properties.has("externalId")) {
            cases.add(test(op, "a partner person's body claims the vendor client's source", () -> {
                String externalId = "sec-imp-" + UUID.randomUUID();
                String vendors = recordAsVendorClient(externalId);
                ObjectNode body = measurementBody(op, externalId);
                body.put("source", "contoso-crm");
                HttpResponse<String> answer = send(op, ownerOfA, Map.of(), JSON.writeValueAsString(body));
                refused(answer, op, 400);
                assertTrue(answer.body().contains("\"source\""), op + ": the problem names source: " + answer.body());
                assertUnchanged(vendors);
            }));
            cases.add(test(op, "another organisation's external id does not collide", () -> {
                String externalId = "sec-col-" + UUID.randomUUID();
                String vendors = recordAsVendorClient(externalId);
                String partnerClient = DevTokens.integration(tenantA, UUID.fromString(partnerA), "contoso-crm");
                HttpResponse<String> answer = send(op, partnerClient, Map.of(), JSON.writeValueAsString(measurementBody(op, externalId)));
                assertEquals(201, answer.statusCode(), op + ": " + answer.body());
                JsonNode written = JSON.readTree(answer.body());
                assertEquals("accepted", written.path("outcome").asText(), answer.body());
                assertTrue(!written.path("id").asText().equals(vendors), "the partner's row is its own: " + answer.body());
                assertEquals(partnerA, written.path("organisationId").asText(), answer.body());
                assertUnchanged(vendors);
            }));
        }
        if (bulk) {
            cases.add(test(op, "a partner person's upload claims the vendor client's source", () -> {
                String externalId = "sec-bulk-" + UUID.randomUUID();
                String vendors = recordAsVendorClient(externalId);
                String line = JSON.writeValueAsString(Map.of("planId", plan, "kpi", "revenue", "value", "555000", "currency", "USD",
                        "occurredOn", "2027-03-31", "source", "contoso-crm", "externalId", externalId));
                HttpResponse<String> answer = exchange(op.method(), url(op, Map.of()), ownerOfA, "application/x-ndjson", line + "\n", Map.of());
                assertEquals(200, answer.statusCode(), answer.body());
                JsonNode result = JSON.readTree(answer.body().lines().findFirst().orElseThrow());
                assertEquals("rejected", result.path("outcome").asText(), answer.body());
                assertTrue(result.path("errors").toString().contains("\"source\""), answer.body());
                assertUnchanged(vendors);
            }));
        }
        if (op.pathParameters().contains("id") && schema != null) {
            String partnerContributor = DevTokens.tokenFor(tenantA, UUID.fromString(partnerA), "carl-" + tenantA + "@northwind.example",
                    "contributor");
            for (String token : List.of(ownerOfA, partnerContributor)) {
                String who = token.equals(ownerOfA) ? "partner owner" : "partner contributor";
                cases.add(test(op, "a " + who + " overwrites the vendor client's measurement", () -> {
                    String vendors = recordAsVendorClient("sec-ovr-" + UUID.randomUUID());
                    ObjectNode body = (ObjectNode) body(op);
                    body.put("value", "555000");
                    if (openApi.resolve(schema).path("properties").has("currency")) {
                        body.put("currency", "USD");
                    }
                    String path = op.path().replace("{id}", vendors);
                    HttpResponse<String> answer = exchange(op.method(), path, token, "application/json", JSON.writeValueAsString(body),
                            Map.of("If-Match", "\"0\""));
                    refused(answer, op, 409);
                    assertTrue(answer.body().contains("a person cannot overwrite what an integration wrote"), answer.body());
                    assertUnchanged(vendors);
                }));
            }
        }
        return cases;
    }

    private static ObjectNode measurementBody(Operation op, String externalId) {
        ObjectNode body = (ObjectNode) body(op);
        body.put("kpi", "revenue").put("currency", "USD").put("value", "555000").put("occurredOn", "2027-03-31").put("externalId", externalId);
        return body;
    }

    /** The vendor's CRM client records 100 under {@code externalId}; the measurement's id. */
    private static String recordAsVendorClient(String externalId) throws Exception {
        HttpResponse<String> answer = exchange("POST", "/api/v1/measurements", vendorClient(), "application/json",
                JSON.writeValueAsString(Map.of("planId", plan, "kpi", "revenue", "value", "100", "currency", "USD",
                        "occurredOn", "2027-03-31", "externalId", externalId)), Map.of());
        assertEquals(201, answer.statusCode(), "the vendor client records a measurement: " + answer.body());
        assertEquals("contoso-crm", JSON.readTree(answer.body()).path("source").asText(), answer.body());
        return JSON.readTree(answer.body()).path("id").asText();
    }

    /** The vendor client's measurement still says 100, written by it, and has no revision. */
    private static void assertUnchanged(String id) throws Exception {
        HttpResponse<String> answer = exchange("GET", "/api/v1/measurements/" + id + "/revisions", ownerToken, null, null, Map.of());
        assertEquals(200, answer.statusCode(), answer.body());
        JsonNode history = JSON.readTree(answer.body());
        assertEquals(1, history.path("items").size(), "no value replaced: " + answer.body());
        assertEquals("100", history.path("items").get(0).path("value").asText(), answer.body());
        assertEquals("contoso-crm", history.path("source").asText(), answer.body());
    }

    // ---------------------------------------------------------------- partner webhooks (issue 19)

    /**
     * Every webhook operation as partner A's own integration client: the tenant's subscription (the fixture's,
     * made by the tenant admin) does not exist for it (404), and its list shows none but its own.
     */
    private static DynamicNode partnerClientCase(Operation op) {
        return test(op, "partner A's client reaches no subscription but its own", () -> {
            String client = DevTokens.integration(tenantA, UUID.fromString(partnerA), "northwind-prm");
            HttpResponse<String> answer = send(op, client, Map.of());
            if (op.pathParameters().contains("id")) {
                refused(answer, op, 404);
            } else if (op.method().equals("GET")) {
                assertEquals(200, answer.statusCode(), op + ": " + answer.body());
                assertTrue(!answer.body().contains(pathIds.get("webhooks/{id}").value()), op + " shows the tenant's subscription: "
                        + answer.body());
            } else {
                // Creating: the subscription is the partner's own (organisationId), never the tenant's.
                assertTrue(answer.statusCode() == 201 || answer.statusCode() == 400, op + ": " + answer.statusCode() + " " + answer.body());
                if (answer.statusCode() == 201) {
                    assertEquals(partnerA, JSON.readTree(answer.body()).path("organisationId").asText(), answer.body());
                }
            }
        });
    }

    /** Partner B's client subscribes to plan.created; the vendor drafts a plan with partner A, then one with B. */
    private static void partnerSubscriptionHearsOnlyItsOwnPlans() throws Exception {
        List<JsonNode> received = java.util.Collections.synchronizedList(new ArrayList<>());
        com.sun.net.httpserver.HttpServer receiver = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            received.add(JSON.readTree(exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            String clientOfB = DevTokens.integration(tenantA, UUID.fromString(partnerB), "fabrikam-prm");
            HttpResponse<String> subscribed = exchange("POST", "/api/v1/notifications/webhooks", clientOfB, "application/json",
                    JSON.writeValueAsString(Map.of("url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook",
                            "eventTypes", List.of("plan.created", "plan.updated"))), Map.of());
            assertEquals(201, subscribed.statusCode(), subscribed.body());
            String vm = DevTokens.tokenFor(tenantA, UUID.fromString(vendor), vmSubject, "vendor-manager");
            String ofA = create(vm, "/api/v1/plans", Map.of("partnerOrganisationId", partnerA, "title", "SECRET Northwind FY28",
                    "horizonStart", "2028-02-01", "horizonEnd", "2029-01-31"));
            String ofB = create(vm, "/api/v1/plans", Map.of("partnerOrganisationId", partnerB, "title", "Fabrikam FY28",
                    "horizonStart", "2028-02-01", "horizonEnd", "2029-01-31"));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (received.stream().noneMatch(e -> ofB.equals(e.path("subject").asText())) && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertTrue(received.stream().anyMatch(e -> ofB.equals(e.path("subject").asText())), "partner B hears of its own plan: " + received);
            Thread.sleep(1000); // partner A's plan was created first: its event has had every chance
            for (JsonNode event : received) {
                assertTrue(!ofA.equals(event.path("subject").asText()) && !event.toString().contains("SECRET")
                        && !event.toString().contains(partnerA), "partner B received partner A's plan event: " + event);
            }
        } finally {
            receiver.stop(0);
        }
    }

    // ---------------------------------------------------------------- the fixture: tenant A

    /**
     * The id a path parameter takes: by the segment before it and its name ({@code plans/{id}}),
     * else by its name ({@code {planId}}); null when the fixture has none.
     */
    private static Id idFor(Operation op, String parameter) {
        String[] segments = op.path().split("/");
        for (int i = 1; i < segments.length; i++) {
            if (segments[i].equals("{" + parameter + "}")) {
                Id byPlace = pathIds.get(segments[i - 1] + "/{" + parameter + "}");
                return byPlace != null ? byPlace : pathIds.get("{" + parameter + "}");
            }
        }
        return null;
    }

    private static String viewerSubject() {
        return "viewer-" + tenantA + "@contoso.example";
    }

    private static void seedTenantA() throws Exception {
        tenantA = "sec-a-" + UUID.randomUUID().toString().substring(0, 8);
        vmSubject = "maria-" + tenantA + "@contoso.example";
        String admin = DevTokens.token(tenantA, null, "tenant-admin");
        vendor = create(admin, "/api/v1/organisations", Map.of("name", "Contoso Cloud", "kind", "VENDOR", "timeZone", "UTC"));
        partnerA = create(admin, "/api/v1/organisations", Map.of("name", "Northwind", "kind", "PARTNER", "timeZone", "UTC"));
        partnerB = create(admin, "/api/v1/organisations", Map.of("name", "Fabrikam", "kind", "PARTNER", "timeZone", "UTC"));
        String vm = DevTokens.tokenFor(tenantA, UUID.fromString(vendor), vmSubject, "vendor-manager");
        String poSubject = "paul-" + tenantA + "@northwind.example";
        String po = DevTokens.tokenFor(tenantA, UUID.fromString(partnerA), poSubject, "partner-owner");
        ownerToken = DevTokens.tokenFor(tenantA, UUID.fromString(vendor), vmSubject, ALL_ROLES.split(","));

        Map<String, Object> calendar = Map.of("startMonth", 1, "startDay", 1, "yearNaming", "END_YEAR");
        put(vm, "/api/v1/fiscal-calendars/" + vendor, calendar);
        put(po, "/api/v1/fiscal-calendars/" + partnerA, calendar);
        put(DevTokens.token(tenantA, UUID.fromString(partnerB), "partner-owner"), "/api/v1/fiscal-calendars/" + partnerB, calendar);
        String blocked = seed("blocked period", po, "/api/v1/fiscal-calendars/{organisationId}/blocked-periods", Map.of());
        String mop = seed("MOP", vm, "/api/v1/mops", Map.of("vendorOrganisationId", vendor, "partnerOrganisationId", partnerA,
                "form", "VENDOR_CALENDAR", "start", "2027-01-01"));
        plan = create(vm, "/api/v1/plans", Map.of("partnerOrganisationId", partnerA, "title", "Contoso x Northwind FY27",
                "horizonStart", "2027-02-01", "horizonEnd", "2028-01-31"));
        // People are in their organisation's directory from their first call; each side adds its own people.
        poPerson = signIn(po);
        signIn(DevTokens.tokenFor(tenantA, UUID.fromString(vendor), viewerSubject(), "viewer"));
        create(po, "/api/v1/plans/" + plan + "/members", Map.of("subject", poSubject, "role", "partner-owner"));
        create(vm, "/api/v1/plans/" + plan + "/members", Map.of("subject", viewerSubject(), "role", "viewer"));
        String invitation = create(po, "/api/v1/plans/" + plan + "/invitations",
                Map.of("email", "nina-" + tenantA + "@northwind.example", "role", "contributor"));
        ownerOfA = po;
        poSubjectOfA = poSubject;
        String planPath = "/api/v1/plans/{id}";
        String milestone = seed("milestone", vm, planPath + "/milestones", Map.of());
        String objective = seed("objective", vm, planPath + "/objectives", Map.of());
        String action = seed("action", vm, planPath + "/actions", Map.of("owner", vmSubject));
        String budget = seed("budget", vm, planPath + "/budgets", Map.of());
        String investment = seed("investment", vm, planPath + "/investments", Map.of("milestoneId", milestone));
        // The partner asks for funds; another partner must not even see the request (nor claim against it).
        String fundRequest = seed("fund request", po, planPath + "/fund-requests", Map.of("budgetId", budget));
        String review = seed("review", vm, planPath + "/reviews", Map.of("attendees", List.of(vmSubject), "heldOn", "2026-01-05"));
        String kpi = seed("KPI", admin, "/api/v1/kpis", Map.of("key", "revenue", "unit", "CURRENCY", "currency", "USD",
                "aggregation", "SUM"));
        String absence = seed("availability", po, "/api/v1/availability", Map.of(), "availabilityId");
        String webhook = seed("webhook", admin, "/api/v1/notifications/webhooks", Map.of("url", "https://prm.northwind.example/hooks"));
        String template = seed("template", vm, "/api/v1/templates", Map.of("planId", plan));
        String measurement = seed("measurement", vm, "/api/v1/measurements", Map.of("currency", "USD"));
        // Shared with partner A: partner A reads it, another partner must not even see it; the unshared one nobody but the vendor.
        HttpResponse<String> sharing = exchange("PUT", "/api/v1/templates/" + template + "/sharing", vm, "application/json",
                JSON.writeValueAsString(Map.of("allPartners", false, "partnerOrganisationIds", List.of(partnerA))),
                Map.of("If-Match", "\"0\""));
        assertEquals(200, sharing.statusCode(), "fixture: sharing the template answered " + sharing.body());
        sharedTemplate = template;
        unsharedTemplate = seed("unshared template", vm, "/api/v1/templates", Map.of("planId", plan));
        // Partner A's own deal: partner B must not even see it.
        String deal = seed("deal", po, "/api/v1/deals", Map.of("externalId", "sec-deal-1"));
        // The vendor's programme with partner A enrolled: partner A reads it, partner B (not enrolled) must not.
        String programme = seed("programme", vm, "/api/v1/programmes", Map.of("name", "Contoso Partner Network"));
        HttpResponse<String> enrolled = exchange("PUT", "/api/v1/organisations/" + partnerA, admin, "application/json",
                JSON.writeValueAsString(Map.of("name", "Northwind", "kind", "PARTNER", "timeZone", "UTC",
                        "partnerProfile", Map.of("programmeId", programme, "partnerType", "RESELLER", "regions", List.of("EMEA")))),
                Map.of("If-Match", "\"0\""));
        assertEquals(200, enrolled.statusCode(), "fixture: enrolling partner A answered " + enrolled.body());

        // Partner A's organisation and people: another partner must not even see them (issue 19, finding 5).
        pathIds.put("organisations/{id}", new Id(partnerA, Scope.PARTNERSHIP));
        pathIds.put("people/{id}", new Id(poPerson, Scope.PARTNERSHIP));
        pathIds.put("invitations/{invitationId}", new Id(invitation, Scope.PARTNERSHIP));
        pathIds.put("invitations/{id}", new Id(invitation, Scope.PARTNERSHIP));
        pathIds.put("fiscal-calendars/{organisationId}", new Id(partnerA, Scope.PARTNER_ORG));
        pathIds.put("blocked-periods/{id}", new Id(blocked, Scope.PARTNER_ORG));
        pathIds.put("partnerships/{vendorId}", new Id(vendor, Scope.PARTNERSHIP));
        pathIds.put("{partnerId}", new Id(partnerA, Scope.PARTNERSHIP));
        pathIds.put("mops/{id}", new Id(mop, Scope.PARTNERSHIP));
        pathIds.put("plans/{id}", new Id(plan, Scope.PARTNERSHIP));
        pathIds.put("{planId}", new Id(plan, Scope.PARTNERSHIP));
        pathIds.put("{milestoneId}", new Id(milestone, Scope.PARTNERSHIP));
        pathIds.put("{objectiveId}", new Id(objective, Scope.PARTNERSHIP));
        pathIds.put("{actionId}", new Id(action, Scope.PARTNERSHIP));
        pathIds.put("{budgetId}", new Id(budget, Scope.PARTNERSHIP));
        pathIds.put("{investmentId}", new Id(investment, Scope.PARTNERSHIP));
        pathIds.put("{fundRequestId}", new Id(fundRequest, Scope.PARTNERSHIP));
        pathIds.put("{reviewId}", new Id(review, Scope.PARTNERSHIP));
        // Amendments are proposed on agreed plans and escalations raised by the scheduler: a fresh id in
        // the plan's path still checks that the plan itself is out of reach.
        pathIds.put("{amendmentId}", new Id(unseeded("amendment"), Scope.PARTNERSHIP));
        pathIds.put("{escalationId}", new Id(unseeded("escalation"), Scope.PARTNERSHIP));
        pathIds.put("members/{subject}", new Id(poSubject, Scope.PARTNERSHIP));
        pathIds.put("versions/{version}", new Id("1", Scope.VALUE));
        pathIds.put("versions/{from}", new Id("1", Scope.VALUE));
        pathIds.put("diff/{to}", new Id("2", Scope.VALUE));
        pathIds.put("availability/{id}", new Id(absence, Scope.PARTNERSHIP));
        pathIds.put("kpis/{id}", new Id(kpi, Scope.TENANT));
        pathIds.put("measurements/{id}", new Id(measurement, Scope.PARTNERSHIP));
        pathIds.put("{kpi}", new Id("revenue", Scope.VALUE));
        pathIds.put("dates/{date}", new Id("2027-03-01", Scope.VALUE));
        pathIds.put("years/{fiscalYear}", new Id("2027", Scope.VALUE));
        pathIds.put("webhooks/{id}", new Id(webhook, Scope.TENANT));
        pathIds.put("deliveries/{deliveryId}", new Id(unseeded("webhook delivery"), Scope.TENANT));
        pathIds.put("templates/{templateId}", new Id(template, Scope.PARTNERSHIP));
        pathIds.put("{programmeId}", new Id(programme, Scope.PARTNERSHIP));
        pathIds.put("{dealId}", new Id(deal, Scope.PARTNERSHIP));
        pathIds.put("inbox/{id}", new Id(unseeded("inbox item"), Scope.TENANT));
        pathIds.put("preferences/{channel}", new Id("EMAIL", Scope.VALUE));
        pathIds.put("{eventType}", new Id("plan.agreed", Scope.VALUE));
        pathIds.put("by-external-id/{system}", new Id("crm:salesforce", Scope.VALUE));
        pathIds.put("external-ids/{system}", new Id("prm:security", Scope.VALUE));
        pathIds.put("{externalId}", new Id("0015g00000SEC", Scope.VALUE));
    }

    private static String unseeded(String what) {
        notSeeded.add(what);
        return UUID.randomUUID().toString();
    }

    private static String create(String token, String path, Map<String, ?> body) throws Exception {
        HttpResponse<String> answer = exchange("POST", path, token, "application/json", JSON.writeValueAsString(body), Map.of());
        assertEquals(201, answer.statusCode(), "fixture: POST " + path + " answered " + answer.body());
        return JSON.readTree(answer.body()).path("id").asText();
    }

    /** A person's first call: the directory takes them from their token. Their person id. */
    private static String signIn(String token) throws Exception {
        HttpResponse<String> answer = exchange("GET", "/api/v1/people/me", token, null, null, Map.of());
        assertEquals(200, answer.statusCode(), "fixture: GET /api/v1/people/me answered " + answer.body());
        return JSON.readTree(answer.body()).path("id").asText();
    }

    private static void put(String token, String path, Map<String, ?> body) throws Exception {
        HttpResponse<String> answer = exchange("PUT", path, token, "application/json", JSON.writeValueAsString(body), Map.of());
        assertTrue(answer.statusCode() / 100 == 2, "fixture: PUT " + path + " answered " + answer.statusCode() + " " + answer.body());
    }

    /** One resource from the generated minimal body of its collection's POST (plus overrides); a fresh id when refused. */
    private static String seed(String what, String token, String template, Map<String, ?> overrides) throws Exception {
        return seed(what, token, template, overrides, "id");
    }

    private static String seed(String what, String token, String template, Map<String, ?> overrides, String idField) throws Exception {
        String path = template.replace("{id}", String.valueOf(plan)).replace("{organisationId}", partnerA);
        Operation op = openApi.operations().stream()
                .filter(o -> o.method().equals("POST") && o.path().equals(template)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no POST " + template + " in the OpenAPI document"));
        ObjectNode body = (ObjectNode) openApi.example(op.jsonBodySchema(), "body", SecurityIT::uuidFor);
        body.setAll((ObjectNode) JSON.valueToTree(overrides));
        HttpResponse<String> answer = exchange("POST", path, token, "application/json", JSON.writeValueAsString(body), Map.of());
        if (answer.statusCode() / 100 != 2) {
            System.out.printf("SecurityIT fixture: %s not seeded (POST %s answered %d %s)%n", what, path, answer.statusCode(), answer.body());
            return unseeded(what);
        }
        return JSON.readTree(answer.body()).path(idField).asText();
    }

    /** Ids inside generated bodies: the fixture's by property name, else a fresh one. */
    private static String uuidFor(String property) {
        return switch (property) {
            case "partnerOrganisationId", "organisationId" -> partnerA;
            case "vendorOrganisationId" -> vendor;
            case "planId" -> plan;
            default -> {
                Id id = pathIds.get("{" + property + "}");
                yield id == null ? UUID.randomUUID().toString() : id.value();
            }
        };
    }

    // ---------------------------------------------------------------- requests

    private static JsonNode body(Operation op) {
        JsonNode schema = op.jsonBodySchema();
        return schema == null ? null : openApi.example(schema, "body", SecurityIT::uuidFor);
    }

    private static HttpResponse<String> send(Operation op, String token, Map<String, String> extraQuery) throws Exception {
        JsonNode body = body(op);
        return send(op, token, extraQuery, body == null ? null : JSON.writeValueAsString(body));
    }

    private static HttpResponse<String> send(Operation op, String token, Map<String, String> extraQuery, String body) throws Exception {
        String mediaType = op.bodyMediaTypes().isEmpty() ? null : op.bodyMediaTypes().iterator().next();
        if (body == null && mediaType != null) {
            body = mediaType.equals("text/csv") ? "kpi,value\n" : mediaType.equals("application/x-ndjson") ? "{}\n" : "{}";
        }
        Map<String, String> query = new LinkedHashMap<>(openApi.requiredQuery(op, SecurityIT::uuidFor));
        query.putAll(extraQuery);
        return exchange(op.method(), url(op, query), token, mediaType, body,
                op.takesIfMatch() ? Map.of("If-Match", "\"0\"") : Map.of());
    }

    private static HttpResponse<String> sendOversized(Operation op) throws Exception {
        String mediaType = op.bodyMediaTypes().iterator().next();
        int limit = op.path().endsWith("/bulk") ? MAX_BULK : MAX_JSON;
        byte[] body = new byte[limit + 1];
        Arrays.fill(body, (byte) ' ');
        body[0] = '{';
        body[body.length - 1] = '}';
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway() + url(op, Map.of())))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", mediaType).header("Authorization", "Bearer " + ownerToken)
                .method(op.method(), HttpRequest.BodyPublishers.ofByteArray(body));
        if (op.takesIfMatch()) {
            request.header("If-Match", "\"0\"");
        }
        return checked(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()), null);
    }

    /** Every answer of this suite is held to docs/openapi.yaml too (its status, content type and body). */
    private static HttpResponse<String> checked(HttpResponse<String> answer, String body) {
        java.util.Map<String, String> headers = new LinkedHashMap<>();
        answer.headers().map().forEach((name, values) -> headers.put(name, values.isEmpty() ? "" : values.get(0)));
        ApiContract.document().check(new ApiContract.Exchange(answer.request().method(), answer.request().uri(),
                answer.request().headers().firstValue("Content-Type").orElse(null), body, answer.statusCode(),
                answer.headers().firstValue("Content-Type").orElse(null), answer.body(), headers));
        return answer;
    }

    private static String url(Operation op, Map<String, String> query) {
        String path = op.path();
        for (String parameter : op.pathParameters()) {
            path = path.replace("{" + parameter + "}", URLEncoder.encode(idFor(op, parameter).value(), StandardCharsets.UTF_8));
        }
        if (query.isEmpty()) {
            return path;
        }
        return path + "?" + query.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String gateway() {
        return "http://127.0.0.1:" + E2eStack.GATEWAY;
    }

    private static HttpResponse<String> exchange(String method, String pathAndQuery, String token, String mediaType, String body,
                                                 Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway() + pathAndQuery)).timeout(Duration.ofSeconds(30))
                .header("Accept", "*/*")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (mediaType != null) {
            request.header("Content-Type", mediaType);
        }
        headers.forEach(request::header);
        try {
            return checked(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()), body);
        } catch (IOException closedUnderfoot) {
            // A kept-alive connection closed as it was reused (a refusal answered before its body was
            // read, nginx's keepalive_requests) gets no answer at all: the case is about the answer, so
            // ask once more on a new connection.
            return checked(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()), body);
        }
    }

    /** Refused with one of the statuses, as an RFC 9457 problem carrying that status. */
    private static void refused(HttpResponse<String> answer, Operation op, int... statuses) throws IOException {
        int status = answer.statusCode();
        String seen = op + " answered " + status + " " + answer.headers().firstValue("Content-Type").orElse("(no Content-Type)")
                + " " + answer.body().substring(0, Math.min(answer.body().length(), 400));
        assertTrue(Arrays.stream(statuses).anyMatch(s -> s == status), "expected " + Arrays.toString(statuses) + ": " + seen);
        assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith(PROBLEM), "expected " + PROBLEM + ": " + seen);
        assertEquals(status, JSON.readTree(answer.body()).path("status").asInt(), "the problem's status: " + seen);
    }

    // ---------------------------------------------------------------- tokens that must not work

    private static String expiredToken() {
        long now = Instant.now().getEpochSecond();
        return Jwt.issuer(DevTokens.ISSUER).audience("partnerplan").subject(vmSubject).upn(vmSubject)
                .groups(Set.of(ALL_ROLES.split(","))).claim("tenant", tenantA).claim("org", vendor)
                .issuedAt(now - 7200).expiresAt(now - 3600).jws().keyId("dev").sign(devKey());
    }

    /** Signed by a throwaway key under the dev key's id: the signature, not the key id, must decide. */
    private static String forgedToken() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return Jwt.issuer(DevTokens.ISSUER).audience("partnerplan").subject(vmSubject).upn(vmSubject)
                    .groups(Set.of(ALL_ROLES.split(","))).claim("tenant", tenantA).claim("org", vendor)
                    .expiresIn(3600).jws().keyId("dev").sign(generator.generateKeyPair().getPrivate());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String unsignedToken() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        long now = Instant.now().getEpochSecond();
        String header = "{\"alg\":\"none\",\"typ\":\"JWT\"}";
        String claims = "{\"iss\":\"" + DevTokens.ISSUER + "\",\"aud\":\"partnerplan\",\"sub\":\"" + vmSubject + "\",\"upn\":\""
                + vmSubject + "\",\"groups\":[\"tenant-admin\",\"vendor-manager\"],\"tenant\":\"" + tenantA + "\",\"org\":\""
                + vendor + "\",\"iat\":" + now + ",\"exp\":" + (now + 3600) + "}";
        return b64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".";
    }

    private static PrivateKey devKey() {
        try (InputStream in = DevTokens.class.getResourceAsStream("/devkeys/private.pem")) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read the dev signing key", e);
        }
    }
}
