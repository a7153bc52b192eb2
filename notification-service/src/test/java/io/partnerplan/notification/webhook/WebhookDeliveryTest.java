package io.partnerplan.notification.webhook;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.partnerplan.platform.security.Roles;
import io.partnerplan.platform.testing.DevTokens;
import io.partnerplan.platform.testing.KafkaProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Events reach a PRM/CRM endpoint (a real HTTP server started here) signed, retried after errors,
 * skipped while the endpoint's circuit is open, parked as dead letters and replayed on request.
 */
@QuarkusTest
class WebhookDeliveryTest {

    private static final String TOPIC = "partnerplan.plan.events.v1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
    private final String admin = DevTokens.tokenFor(tenant, UUID.randomUUID(), "admin@contoso.test", Roles.TENANT_ADMIN);
    private final UUID plan = UUID.randomUUID();
    private TestEndpoint endpoint;
    private TestEndpoint other;

    @AfterEach
    void close() {
        if (endpoint != null) {
            endpoint.close();
        }
        if (other != null) {
            other.close();
        }
    }

    @Test
    void aSubscribedEventArrivesOnceWithASignatureTheReceiverCanVerify() throws Exception {
        endpoint = new TestEndpoint(n -> 204);
        String[] created = subscribe(endpoint.url(), "plan.proposed");
        String webhook = created[0];
        String secret = created[1];
        assertTrue(secret.startsWith("whsec_"), secret);

        publish(UUID.randomUUID().toString(), "plan.updated");               // not subscribed
        String proposed = UUID.randomUUID().toString();
        publish(proposed, "plan.proposed");
        publish(proposed, "plan.proposed");                                    // redelivered by Kafka
        await().atMost(Duration.ofSeconds(30)).until(() -> endpoint.received.size() >= 1);
        Thread.sleep(1500);
        assertEquals(1, endpoint.received.size(), "one delivery, of the subscribed type only");

        TestEndpoint.Received request = endpoint.received.get(0);
        verifySignature(request, secret);
        assertEquals(proposed, request.header("PartnerPlan-Event-Id"));
        assertEquals("plan.proposed", request.header("PartnerPlan-Event-Type"));
        JsonNode body = JSON.readTree(request.body());
        assertEquals(proposed, body.path("id").asText());
        assertEquals("io.partnerplan.plan.proposed.v1", body.path("type").asText());
        assertEquals(tenant, body.path("tenantid").asText());
        assertEquals("FY27", body.path("data").path("title").asText());

        given().auth().oauth2(admin).get("/api/v1/notifications/webhooks/{id}/deliveries", webhook)
                .then().statusCode(200).body("items", hasSize(1))
                .body("items[0].id", equalTo(request.header("PartnerPlan-Delivery-Id")))
                .body("items[0].status", equalTo("SENT")).body("items[0].attempts", equalTo(1))
                .body("items[0].lastStatus", equalTo(204)).body("items[0].eventId", equalTo(proposed));
        // The secret is shown once, on creation only.
        given().auth().oauth2(admin).get("/api/v1/notifications/webhooks/{id}", webhook)
                .then().statusCode(200).body("secret", nullValue()).body("circuit.state", equalTo("CLOSED"));
    }

    @Test
    void kpiServiceEventsReachSubscribersToo() throws Exception {
        endpoint = new TestEndpoint(n -> 200);
        subscribe(endpoint.url(), "kpi.measurement.recorded");
        String id = UUID.randomUUID().toString();
        KafkaProbe.send("partnerplan.kpi.events.v1", plan.toString(),
                "{\"planId\":\"%s\",\"kpi\":\"revenue\",\"value\":\"125000\",\"outcome\":\"accepted\"}".formatted(plan),
                KafkaProbe.cloudEventHeaders(id, "io.partnerplan.kpi.measurement.recorded.v1", plan.toString(), tenant, "system"));
        await().atMost(Duration.ofSeconds(30)).until(() -> endpoint.received.size() >= 1);
        assertEquals(id, endpoint.received.get(0).header("PartnerPlan-Event-Id"));
    }

    @Test
    void anEndpointAnswering500IsRetriedWithTheSameDeliveryUntilItAccepts() throws Exception {
        endpoint = new TestEndpoint(n -> n <= 2 ? 500 : 200);
        String[] created = subscribe(endpoint.url(), "plan.agreed");
        String agreed = UUID.randomUUID().toString();
        publish(agreed, "plan.agreed");

        await().atMost(Duration.ofSeconds(30)).until(() -> endpoint.received.size() >= 3);
        List<String> deliveryIds = endpoint.received.stream().map(r -> r.header("PartnerPlan-Delivery-Id")).distinct().toList();
        assertEquals(1, deliveryIds.size(), "retries carry the same delivery id");
        verifySignature(endpoint.received.get(2), created[1]);
        assertTrue(endpoint.received.get(2).at().isAfter(endpoint.received.get(1).at().plusMillis(90)), "backed off before retrying");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().auth().oauth2(admin).get("/api/v1/notifications/webhooks/{id}/deliveries", created[0])
                        .then().body("items[0].status", equalTo("SENT")).body("items[0].attempts", equalTo(3))
                        .body("items[0].lastStatus", equalTo(200)));
        KafkaProbe.awaitRecord("partnerplan.notification.events.v1", Duration.ofSeconds(30),
                r -> "io.partnerplan.notification.delivered.v1".equals(KafkaProbe.header(r, "ce_type"))
                        && r.value().contains(agreed) && r.value().contains("\"channel\":\"WEBHOOK\""));
    }

    @Test
    void aFailingEndpointOpensItsCircuitThenDeadLettersAndAReplayDelivers() throws Exception {
        endpoint = new TestEndpoint(n -> 503);
        String[] created = subscribe(endpoint.url(), "plan.agreed");
        String webhook = created[0];
        String agreed = UUID.randomUUID().toString();
        publish(agreed, "plan.agreed");

        // Three consecutive failures (the threshold in tests) open the circuit: the endpoint is left alone.
        await().atMost(Duration.ofSeconds(30)).until(() -> endpoint.received.size() >= 3);
        given().auth().oauth2(admin).get("/api/v1/notifications/webhooks/{id}", webhook)
                .then().body("circuit.state", equalTo("OPEN")).body("circuit.consecutiveFailures", equalTo(3));
        Thread.sleep(1000);
        assertEquals(3, endpoint.received.size(), "no attempt while the circuit is open");

        // After the cool-down one trial goes through (half-open); it fails, the 4th and last attempt: a dead letter.
        await().atMost(Duration.ofSeconds(30)).until(() -> endpoint.received.size() >= 4);
        String delivery = await().atMost(Duration.ofSeconds(10)).until(() ->
                given().auth().oauth2(admin).get("/api/v1/notifications/webhooks/dead-letters")
                        .then().statusCode(200).extract().jsonPath().<String>getList("items.findAll { it.eventId == '" + agreed + "' }.id")
                        .stream().findFirst().orElse(null), id -> id != null);
        given().auth().oauth2(admin).get("/api/v1/notifications/webhooks/{id}/deliveries?status=FAILED", webhook)
                .then().body("items[0].id", equalTo(delivery)).body("items[0].attempts", equalTo(4))
                .body("items[0].lastStatus", equalTo(503)).body("items[0].lastError", equalTo("endpoint answered HTTP 503"));
        KafkaProbe.awaitRecord("partnerplan.notification.events.v1", Duration.ofSeconds(30),
                r -> "io.partnerplan.notification.failed.v1".equals(KafkaProbe.header(r, "ce_type")) && r.value().contains(agreed));

        // The PRM is fixed; an admin replays the dead letter: it goes through once the circuit lets it.
        endpoint.behaviour = n -> 200;
        given().auth().oauth2(admin).post("/api/v1/notifications/webhooks/{id}/deliveries/{d}/replay", webhook, delivery)
                .then().statusCode(202).body("status", equalTo("PENDING")).body("attempts", equalTo(0));
        await().atMost(Duration.ofSeconds(30)).until(() -> endpoint.received.size() >= 5);
        verifySignature(endpoint.received.get(4), created[1]);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().auth().oauth2(admin).get("/api/v1/notifications/webhooks/{id}/deliveries", webhook)
                        .then().body("items[0].status", equalTo("SENT")));
        given().auth().oauth2(admin).get("/api/v1/notifications/webhooks/{id}", webhook)
                .then().body("circuit.state", equalTo("CLOSED")).body("circuit.consecutiveFailures", equalTo(0));
        // A sent delivery is not replayed.
        given().auth().oauth2(admin).post("/api/v1/notifications/webhooks/{id}/deliveries/{d}/replay", webhook, delivery)
                .then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void afterARotationDeliveriesAreSignedWithTheNewAndTheOldSecret() throws Exception {
        endpoint = new TestEndpoint(n -> 200);
        String[] created = subscribe(endpoint.url(), "plan.agreed");
        String rotated = given().auth().oauth2(admin).post("/api/v1/notifications/webhooks/{id}/rotate-secret", created[0])
                .then().statusCode(200).body("secret", startsWith("whsec_"))
                .body("previousSecretExpiresAt", org.hamcrest.Matchers.notNullValue())
                .extract().path("secret");
        publish(UUID.randomUUID().toString(), "plan.agreed");
        await().atMost(Duration.ofSeconds(30)).until(() -> endpoint.received.size() >= 1);

        TestEndpoint.Received request = endpoint.received.get(0);
        verifySignature(request, rotated);
        verifySignature(request, created[1]);
        assertEquals(2, request.header("PartnerPlan-Signature").split(",v1=").length - 1);
    }

    @Test
    void aHangingEndpointDoesNotHoldUpAnother() throws Exception {
        endpoint = new TestEndpoint(n -> n == 1 ? 0 : 200);   // hangs on the first request (longer than the read timeout)
        other = new TestEndpoint(n -> 200);
        subscribe(endpoint.url(), "plan.proposed");
        subscribe(other.url(), "plan.agreed");
        publish(UUID.randomUUID().toString(), "plan.proposed");
        await().atMost(Duration.ofSeconds(30)).until(() -> endpoint.hanging);

        Instant start = Instant.now();
        publish(UUID.randomUUID().toString(), "plan.agreed");
        await().atMost(Duration.ofSeconds(30)).until(() -> other.received.size() >= 1);
        // Waiting for the hanging endpoint would take its 5 s read timeout; the other one is served well before.
        long waited = Duration.between(start, other.received.get(0).at()).toMillis();
        assertTrue(waited < 3500, "served after " + waited + " ms");
        assertEquals(1, endpoint.received.size(), "the hanging attempt had not timed out yet");
        // The hanging attempt times out and is retried: the endpoint gets it again.
        await().atMost(Duration.ofSeconds(30)).until(() -> endpoint.received.size() >= 2);
    }

    private String[] subscribe(String url, String... types) {
        var answer = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(java.util.Map.of("url", url, "eventTypes", List.of(types), "description", "Northwind PRM"))
                .post("/api/v1/notifications/webhooks")
                .then().statusCode(201).body("eventTypes", equalTo(List.of(types)))
                .body("circuit.state", equalTo("CLOSED")).extract();
        assertTrue(answer.header("Location").endsWith("/api/v1/notifications/webhooks/" + answer.path("id")));
        return new String[] { answer.path("id"), answer.path("secret") };
    }

    /** What a receiver does: recompute HMAC-SHA256(secret, t + "." + body) and find it among the v1 values. */
    private static void verifySignature(TestEndpoint.Received request, String secret) throws Exception {
        String header = request.header("PartnerPlan-Signature");
        String[] parts = header.split(",");
        assertTrue(parts[0].startsWith("t="), header);
        long t = Long.parseLong(parts[0].substring(2));
        assertTrue(Math.abs(Instant.now().getEpochSecond() - t) < 120, "fresh timestamp");
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = "v1=" + java.util.HexFormat.of().formatHex(
                mac.doFinal((t + "." + request.body()).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertTrue(Arrays.asList(parts).contains(expected), "no valid signature for the secret in " + header);
    }

    private void publish(String id, String type) {
        String data = """
                {"id":"%s","vendorOrganisationId":"%s","partnerOrganisationId":"%s","title":"FY27","status":"PROPOSED","signOffs":[]}"""
                .formatted(plan, UUID.randomUUID(), UUID.randomUUID());
        KafkaProbe.send(TOPIC, plan.toString(), data,
                KafkaProbe.cloudEventHeaders(id, "io.partnerplan." + type + ".v1", plan.toString(), tenant, "vm@contoso.test"));
    }
}
