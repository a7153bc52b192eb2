package io.partnerplan.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.partnerplan.platform.testing.DevTokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * plan-service and kpi-service are SIGKILLed after a plan, a measurement and an amendment sent with an
 * Idempotency-Key have committed and before their answers left (the services run with a fault-test hook
 * that stops such a request right after its commit). Restarted, the same requests with the same keys get
 * the first answers (replayed), and each effect exists once: one plan, one measurement, one amendment,
 * one event each.
 */
class IdempotencyCrashFaultIT {

    /** The services' fault-test hook: requests whose key starts with this stop after their commit. */
    private static final Map<String, String> PAUSE_AFTER_COMMIT =
            Map.of("PARTNERPLAN_IDEMPOTENCY_PAUSE_AFTER_COMMIT_KEY_PREFIX", "crash-");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void stack() throws Exception {
        E2eStack.ensureUp();
    }

    @AfterAll
    static void withoutTheHook() throws Exception {
        // Whatever happened, the stack goes on without the hook.
        for (String service : new String[] { "plan-service", "kpi-service" }) {
            try {
                Faults.kill(service);
            } catch (IllegalStateException notRunning) {
                // already gone
            }
        }
        Faults.restartMissing();
    }

    @Test
    void aRetryAfterACrashBetweenCommitAndAnswerGetsTheFirstAnswerAndNothingTwice() throws Exception {
        Faults.Tenant tenant = Faults.Tenant.create("idem-crash");
        String admin = DevTokens.token(tenant.id(), null, "tenant-admin");
        String partnerOwnerSubject = "po-" + UUID.randomUUID() + "@northwind.example";
        String partnerOwner = DevTokens.tokenFor(tenant.id(), UUID.fromString(tenant.partner()), partnerOwnerSubject, "partner-owner");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("""
                {"key": "revenue", "name": "Revenue", "unit": "CURRENCY", "currency": "USD",
                 "direction": "HIGHER_IS_BETTER", "aggregation": "SUM"}""").post("/api/v1/kpis").then().statusCode(201);
        String agreed = agreedPlan(tenant, partnerOwner, partnerOwnerSubject);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() ->
                Faults.count("kpi", "select count(*) from tracked_plan where plan_id = ?::uuid", agreed) == 1);

        // The two services again, now with the hook.
        Faults.stop("plan-service");
        Faults.stop("kpi-service");
        Faults.restartMissing(PAUSE_AFTER_COMMIT);

        String suffix = UUID.randomUUID().toString();
        String title = "Crash plan " + suffix;
        String externalId = "opp-crash-" + suffix;
        Map<String, Call> calls = new LinkedHashMap<>();
        calls.put("plan", new Call(tenant.vendorManager(), "/api/v1/plans", "crash-plan-" + suffix, """
                {"partnerOrganisationId": "%s", "title": "%s", "horizonStart": "2027-02-01", "horizonEnd": "2028-01-31"}"""
                .formatted(tenant.partner(), title)));
        calls.put("measurement", new Call(tenant.vendorManager(), "/api/v1/measurements", "crash-measurement-" + suffix, """
                {"planId": "%s", "kpi": "revenue", "value": "125000", "currency": "USD", "occurredOn": "2027-03-05",
                 "externalId": "%s"}""".formatted(agreed, externalId)));
        calls.put("amendment", new Call(tenant.vendorManager(), "/api/v1/plans/" + agreed + "/amendments", "crash-amendment-" + suffix, """
                {"reason": "Crash drill %s", "changes": {"budgets": [{"title": "Co-marketing", "fundingParty": "VENDOR",
                 "resourceType": "MARKETING", "kind": "MDF", "currency": "USD", "planned": "40000"}]}}""".formatted(suffix)));

        Map<String, CompletableFuture<HttpResponse<String>>> first = new LinkedHashMap<>();
        calls.forEach((name, call) -> first.put(name, call.sendAsync()));
        // Each effect commits; none of the answers leaves.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                effects(tenant.id(), title, externalId, agreed).values().stream().allMatch(n -> n == 1));
        Thread.sleep(1000);
        first.forEach((name, answer) -> assertFalse(answer.isDone(), name + " was answered although its service was paused"));
        Faults.kill("plan-service");
        Faults.kill("kpi-service");
        Map<String, String> firstOutcome = new LinkedHashMap<>();
        first.forEach((name, answer) -> firstOutcome.put(name, outcome(answer)));

        Faults.restartMissing();
        Map<String, Response> retries = new LinkedHashMap<>();
        calls.forEach((name, call) -> retries.put(name, call.send()));
        Map<String, Response> again = new LinkedHashMap<>();
        calls.forEach((name, call) -> again.put(name, call.send()));
        Thread.sleep(3000); // events relayed, nothing more arrives

        Map<String, Long> effects = effects(tenant.id(), title, externalId, agreed);
        Map<String, Long> events = events(tenant.id(), title, externalId, agreed);
        System.out.println("Idempotency crash reconciliation:");
        for (String name : calls.keySet()) {
            System.out.printf("  %-11s first attempt: %s; retry: %d replayed=%s; second retry: %d replayed=%s;"
                            + " effects %d, events %d%n", name, firstOutcome.get(name),
                    retries.get(name).statusCode(), retries.get(name).header("Idempotent-Replayed"),
                    again.get(name).statusCode(), again.get(name).header("Idempotent-Replayed"),
                    effects.get(name), events.get(name));
        }
        for (String name : calls.keySet()) {
            assertEquals(201, retries.get(name).statusCode(), name + ": " + retries.get(name).asString());
            assertEquals("true", retries.get(name).header("Idempotent-Replayed"), name);
            assertEquals(retries.get(name).asString(), again.get(name).asString(), name);
            assertEquals(1L, effects.get(name), name + " effects");
            assertEquals(1L, events.get(name), name + " events");
        }
        String planId = retries.get("plan").path("id");
        assertEquals(1L, Faults.count("plan", "select count(*) from plan where id = ?::uuid and title = ?", planId, title),
                "the replayed answer names the plan that was committed");
        String amendmentId = retries.get("amendment").path("amendmentId");
        assertEquals(1L, Faults.count("plan", "select count(*) from amendment where id = ?::uuid", amendmentId));
        assertEquals(externalId, retries.get("measurement").path("externalId"));
    }

    private static Map<String, Long> effects(String tenant, String title, String externalId, String plan) throws Exception {
        return Map.of(
                "plan", Faults.count("plan", "select count(*) from plan where tenant_id = ? and title = ?", tenant, title),
                "measurement", Faults.count("kpi", "select count(*) from measurement where tenant_id = ? and external_id = ?",
                        tenant, externalId),
                "amendment", Faults.count("plan", "select count(*) from amendment where plan_id = ?::uuid", plan));
    }

    private static Map<String, Long> events(String tenant, String title, String externalId, String plan) throws Exception {
        return Map.of(
                "plan", Faults.count("plan", "select count(*) from outbox_event where tenant_id = ? and type like '%.plan.created.%'"
                        + " and payload like ?", tenant, "%" + title + "%"),
                "measurement", Faults.count("kpi", "select count(*) from outbox_event where tenant_id = ?"
                        + " and type like '%.measurement.recorded.%' and payload like ?", tenant, "%" + externalId + "%"),
                "amendment", Faults.count("plan", "select count(*) from outbox_event where tenant_id = ?"
                        + " and type like '%.amendment-proposed.%' and aggregate_id = ?", tenant, plan));
    }

    /** Drafted, proposed and signed by both sides. */
    private static String agreedPlan(Faults.Tenant tenant, String partnerOwner, String partnerOwnerSubject) {
        String plan = given().auth().oauth2(tenant.vendorManager()).contentType(ContentType.JSON)
                .body(Map.of("partnerOrganisationId", tenant.partner(), "title", "Agreed before the crash",
                        "horizonStart", "2027-02-01", "horizonEnd", "2028-01-31"))
                .post("/api/v1/plans").then().statusCode(201).extract().path("id");
        // Only a member holding the partner-owner role signs for the partner: the owner enrols in the directory
        // with a first call and joins the plan.
        given().auth().oauth2(partnerOwner).get("/api/v1/people/me").then().statusCode(200);
        given().auth().oauth2(partnerOwner).contentType(ContentType.JSON)
                .body(Map.of("subject", partnerOwnerSubject, "role", "partner-owner"))
                .post("/api/v1/plans/{id}/members", plan).then().statusCode(201);
        String etag = given().auth().oauth2(tenant.vendorManager()).get("/api/v1/plans/{id}", plan).then().statusCode(200)
                .extract().header("ETag");
        etag = given().auth().oauth2(tenant.vendorManager()).header("If-Match", etag).post("/api/v1/plans/{id}/propose", plan)
                .then().statusCode(200).extract().header("ETag");
        etag = given().auth().oauth2(tenant.vendorManager()).header("If-Match", etag).post("/api/v1/plans/{id}/sign-off", plan)
                .then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(partnerOwner).header("If-Match", etag).post("/api/v1/plans/{id}/sign-off", plan)
                .then().statusCode(200).extract().header("ETag");
        return plan;
    }

    private static String outcome(CompletableFuture<HttpResponse<String>> answer) {
        try {
            return "HTTP " + answer.get(60, java.util.concurrent.TimeUnit.SECONDS).statusCode();
        } catch (Exception e) {
            return "no answer (" + e.getCause() + ")";
        }
    }

    private record Call(String token, String path, String key, String body) {

        CompletableFuture<HttpResponse<String>> sendAsync() {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + E2eStack.GATEWAY + path))
                    .timeout(Duration.ofMinutes(2))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(body)).build();
            return HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString());
        }

        Response send() {
            return given().auth().oauth2(token).contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                    .post(path);
        }
    }
}
