package io.partnerplan.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
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

/**
 * The agreed plan is a contract, checked for every write the API has: from docs/openapi.yaml, every
 * write operation under {@code /api/v1/plans/{id}} (and every other service's write addressed by
 * {@code {planId}}, e.g. kpi-service's targets) is sent, through the gateway, as each role on the
 * plan, against an ACTIVE plan both sides signed. Each must either answer 409 (agreed content changes
 * only through an amendment) or be one of the direct writes plan-service lists (execution and process,
 * {@code x-agreed-plan} in the document, with why). A new endpoint is tried the day it is added: until
 * plan-service classifies it, it must answer 409, and the plan must be exactly as signed afterwards.
 */
class AgreedPlanIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String PLAN_PATH = "/api/v1/plans/{id}";
    /** The plan roles, each a member of the plan on its side. */
    private static final List<String> ROLES = List.of("vendor-manager", "partner-owner", "contributor", "executive-sponsor", "viewer");
    /** Roles that sign for their side: they are allowed to write agreed content while drafting, so they must hear 409. */
    private static final Set<String> SIGNERS = Set.of("vendor-manager", "partner-owner");

    private static OpenApiOperations openApi;
    private static final Map<String, String> tokens = new LinkedHashMap<>();
    private static final Map<String, String> ids = new LinkedHashMap<>();
    private static String tenant;
    private static String plan;
    private static JsonNode asSigned;

    @BeforeAll
    static void agreedPlan() throws Exception {
        openApi = new OpenApiOperations(Repository.root().resolve("docs/openapi.yaml"), Map.of(
                "MilestoneCriterionRequest", Set.of("kpi", "threshold", "windowStart", "windowEnd")));
        E2eStack.ensureUp();
        tenant = "agreed-" + UUID.randomUUID().toString().substring(0, 8);
        String admin = DevTokens.token(tenant, null, "tenant-admin");
        String vendor = create(admin, "/api/v1/organisations", Map.of("name", "Contoso Cloud", "kind", "VENDOR", "timeZone", "UTC"));
        String partner = create(admin, "/api/v1/organisations", Map.of("name", "Northwind", "kind", "PARTNER", "timeZone", "UTC"));
        create(admin, "/api/v1/kpis", Map.of("key", "revenue", "name", "Revenue", "unit", "CURRENCY", "currency", "USD",
                "direction", "HIGHER_IS_BETTER", "aggregation", "SUM"));
        Map<String, String> orgOf = Map.of("vendor-manager", vendor, "partner-owner", partner, "contributor", vendor,
                "executive-sponsor", partner, "viewer", vendor);
        for (String role : ROLES) {
            tokens.put(role, DevTokens.tokenFor(tenant, UUID.fromString(orgOf.get(role)), role + "@" + tenant + ".example", role));
        }
        String vm = tokens.get("vendor-manager");
        plan = create(vm, "/api/v1/plans", Map.of("partnerOrganisationId", partner, "title", "Contoso x Northwind FY27",
                "horizonStart", "2027-02-01", "horizonEnd", "2028-01-31"));
        // Everyone is in the directory from their first call; each side's signing role adds its own people
        // (the partner's owner first, themselves).
        for (String role : ROLES) {
            assertEquals(200, exchange("GET", "/api/v1/people/me", tokens.get(role), null, null, Map.of()).statusCode(), role);
        }
        for (String role : List.of("partner-owner", "contributor", "executive-sponsor", "viewer")) {
            String adder = orgOf.get(role).equals(partner) ? tokens.get("partner-owner") : vm;
            create(adder, "/api/v1/plans/" + plan + "/members", Map.of("subject", role + "@" + tenant + ".example", "role", role));
        }
        // What both sides sign: sections, an objective, a milestone, an investment on it, a budget, an action.
        exchange("PATCH", "/api/v1/plans/" + plan + "/sections", vm, "application/merge-patch+json",
                "{\"vendorStatements\":{\"vision\":\"Every firm on Contoso Cloud\"},\"jointValueProposition\":\"Weeks, not months\"}",
                Map.of("If-Match", etag(vm, "/api/v1/plans/" + plan)));
        String planPath = "/api/v1/plans/" + plan;
        ids.put("objectiveId", create(vm, planPath + "/objectives", Map.of("title", "Grow cloud revenue",
                "measures", List.of(Map.of("kpi", "revenue", "target", "500000")), "periodStart", "2027-02-01", "periodEnd", "2027-04-30")));
        ids.put("milestoneId", create(vm, planPath + "/milestones", Map.of("title", "Q1 revenue", "dueOn", "2027-04-30",
                "criteria", List.of(Map.of("kind", "KPI", "kpi", "revenue", "threshold", "500000",
                        "windowStart", "2027-02-01", "windowEnd", "2027-04-30")))));
        ids.put("investmentId", create(vm, planPath + "/investments", Map.of("title", "Presales engineer", "fundingParty", "VENDOR",
                "amount", "8000", "currency", "USD", "milestoneId", ids.get("milestoneId"))));
        ids.put("budgetId", create(vm, planPath + "/budgets", Map.of("title", "Webinars", "fundingParty", "VENDOR",
                "resourceType", "MARKETING", "kind", "MDF", "currency", "USD", "planned", "20000")));
        ids.put("actionId", create(vm, planPath + "/actions", Map.of("title", "Book the webinar platform",
                "owner", "vendor-manager@" + tenant + ".example", "dueOn", "2027-03-01")));
        ids.put("subject", "viewer@" + tenant + ".example");
        ids.put("kpi", "revenue");
        ids.put("amendmentId", UUID.randomUUID().toString());
        ids.put("invitationId", UUID.randomUUID().toString());
        ids.put("escalationId", UUID.randomUUID().toString());
        for (String[] step : new String[][] { { vm, "propose" }, { vm, "sign-off" }, { tokens.get("partner-owner"), "sign-off" },
                { vm, "activate" } }) {
            HttpResponse<String> answer = exchange("POST", planPath + "/" + step[1], step[0], null, null,
                    Map.of("If-Match", etag(vm, planPath)));
            assertEquals(200, answer.statusCode(), step[1] + ": " + answer.body());
        }
        // kpi-service learns the signed objectives' targets from plan.objectives-agreed.
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() ->
                read(vm, "/api/v1/targets/" + plan).findValuesAsText("target").contains("500000"));
        asSigned = agreedContent();
        assertEquals("ACTIVE", asSigned.path("plan").path("status").asText());
    }

    @TestFactory
    Stream<DynamicNode> everyWriteToAnAgreedPlanIsRefusedOrListedAsExecution() {
        List<DynamicNode> refused = new ArrayList<>();
        List<DynamicNode> direct = new ArrayList<>();
        List<DynamicNode> unclassified = new ArrayList<>();
        int writes = 0;
        for (Operation op : openApi.operations()) {
            if (!op.writes() || !underAPlan(op)) {
                continue;
            }
            writes++;
            String kind = op.spec().path("x-agreed-plan").asText("");
            switch (kind) {
                case "execution", "process" -> {
                    String reason = op.spec().path("x-agreed-plan-reason").asText("");
                    direct.add(DynamicTest.dynamicTest(kind + ": " + op + " (" + reason + ")",
                            () -> assertFalse(reason.isBlank(), op + " is listed as " + kind + " without a reason")));
                }
                case "agreed" -> {
                    for (String role : ROLES) {
                        refused.add(DynamicTest.dynamicTest(role + ": " + op, () -> refusedAsAgreed(op, role)));
                    }
                }
                default -> unclassified.add(DynamicTest.dynamicTest(op.toString(), () -> fail(op + " writes under a plan but "
                        + "plan-service does not classify it (x-agreed-plan): list it in AgreedContent as execution or process "
                        + "with why, or make it answer 409 on an agreed plan")));
            }
        }
        System.out.printf("AgreedPlanIT: %d writes under a plan: %d refused as agreed content (x %d roles), %d direct, %d unclassified%n",
                writes, refused.size() / ROLES.size(), ROLES.size(), direct.size(), unclassified.size());
        assertTrue(refused.size() > 0 && direct.size() > 0, "the document lists no plan writes: " + writes);
        return Stream.of(DynamicContainer.dynamicContainer("unclassified writes", unclassified),
                DynamicContainer.dynamicContainer("agreed content: 409 for each role (403 where the role never writes it)", refused),
                DynamicContainer.dynamicContainer("execution and process: direct, listed in plan-service", direct));
    }

    /** Writes under {@code /plans/{id}}, and the other services' writes addressed by a plan ({@code {planId}}: targets, reviews). */
    private static boolean underAPlan(Operation op) {
        return op.path().equals(PLAN_PATH) || op.path().startsWith(PLAN_PATH + "/") || op.path().contains("{planId}");
    }

    @AfterAll
    static void nothingAgreedMoved() throws Exception {
        if (asSigned != null) {
            assertEquals(asSigned, agreedContent(), "the plan changed although every direct write to agreed content was refused");
        }
    }

    /** 409 as a problem naming the amendment for the signing roles; 409 or 403 for the roles that never write it. */
    private static void refusedAsAgreed(Operation op, String role) throws Exception {
        String token = tokens.get(role);
        String path = url(op);
        String mediaType = op.bodyMediaTypes().isEmpty() ? null : op.bodyMediaTypes().iterator().next();
        JsonNode schema = op.jsonBodySchema();
        String body = mediaType == null ? null
                : schema == null ? "{\"jointValueProposition\":\"changed without the other side\"}"
                : JSON.writeValueAsString(openApi.example(schema, "body", name -> ids.getOrDefault(name, UUID.randomUUID().toString())));
        boolean hasGet = openApi.operations().stream().anyMatch(o -> o.method().equals("GET") && o.path().equals(op.path()));
        String ifMatch = etag(tokens.get("vendor-manager"), hasGet ? path : "/api/v1/plans/" + plan);
        HttpResponse<String> answer = exchange(op.method(), path, token, mediaType, body, Map.of("If-Match", ifMatch));
        int status = answer.statusCode();
        String seen = role + " " + op + " answered " + status + " " + answer.body().substring(0, Math.min(answer.body().length(), 400));
        if (SIGNERS.contains(role)) {
            assertEquals(409, status, seen);
        } else {
            assertTrue(status == 409 || status == 403, seen);
        }
        assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), seen);
        JsonNode problem = JSON.readTree(answer.body());
        assertEquals(status, problem.path("status").asInt(), seen);
        if (status == 409 && problem.path("type").asText().endsWith("/agreed-content")) {
            assertTrue(problem.path("detail").asText().contains("/api/v1/plans/" + plan + "/amendments"),
                    "the 409 must name the amendment to propose: " + seen);
        }
    }

    /** The plan's agreed content as both sides read it: header, sections, objectives, milestones, investments, budgets. */
    private static JsonNode agreedContent() throws Exception {
        String vm = tokens.get("vendor-manager");
        String base = "/api/v1/plans/" + plan;
        ObjectNode content = JSON.createObjectNode();
        JsonNode header = read(vm, base).deepCopy();
        ((ObjectNode) header).remove(List.of("updatedAt"));
        content.set("plan", header);
        content.set("sections", read(vm, base + "/sections"));
        content.set("objectives", read(vm, base + "/objectives").path("items"));
        // What was agreed of each milestone; its judged state moves with kpi-service's verdicts (execution).
        var milestones = JSON.createArrayNode();
        for (JsonNode m : read(vm, base + "/milestones").path("items")) {
            ObjectNode agreed = JSON.createObjectNode().put("id", m.path("id").asText()).put("title", m.path("title").asText())
                    .put("dueOn", m.path("dueOn").asText());
            var criteria = agreed.putArray("criteria");
            m.path("criteria").forEach(c -> criteria.addObject().put("kpi", c.path("kpi").asText())
                    .put("threshold", c.path("threshold").asText()).put("windowEnd", c.path("windowEnd").asText()));
            milestones.add(agreed);
        }
        content.set("milestones", milestones);
        content.set("investments", read(vm, base + "/investments"));
        content.set("budgets", read(vm, base + "/budgets").path("items"));
        content.set("versions", read(vm, base + "/versions?limit=100").path("items"));
        content.set("targets", read(vm, "/api/v1/targets/" + plan));
        return content;
    }

    private static JsonNode read(String token, String path) throws Exception {
        HttpResponse<String> answer = exchange("GET", path, token, null, null, Map.of());
        assertEquals(200, answer.statusCode(), "GET " + path + ": " + answer.body());
        return JSON.readTree(answer.body());
    }

    private static String etag(String token, String path) throws Exception {
        HttpResponse<String> answer = exchange("GET", path, token, null, null, Map.of());
        return answer.headers().firstValue("ETag").orElse("\"0\"");
    }

    private static String url(Operation op) {
        String path = op.path().replace("{id}", plan).replace("{planId}", plan);
        for (String parameter : op.pathParameters()) {
            if (!parameter.equals("id") && !parameter.equals("planId")) {
                String id = ids.get(parameter);
                if (id == null) {
                    fail(op + ": AgreedPlanIT has no id for {" + parameter + "}: seed one on the agreed plan");
                }
                path = path.replace("{" + parameter + "}", id);
            }
        }
        return path;
    }

    private static String create(String token, String path, Map<String, ?> body) throws Exception {
        HttpResponse<String> answer = exchange("POST", path, token, "application/json", JSON.writeValueAsString(body), Map.of());
        assertEquals(201, answer.statusCode(), "fixture: POST " + path + " answered " + answer.body());
        return JSON.readTree(answer.body()).path("id").asText();
    }

    private static HttpResponse<String> exchange(String method, String path, String token, String mediaType, String body,
                                                 Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + E2eStack.GATEWAY + path))
                .timeout(Duration.ofSeconds(30)).header("Accept", "*/*")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (mediaType != null) {
            request.header("Content-Type", mediaType);
        }
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
