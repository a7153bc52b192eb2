package io.partnerplan.notification.webhook;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.partnerplan.platform.security.Roles;
import io.partnerplan.platform.testing.DevTokens;
import io.partnerplan.platform.testing.KafkaProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * A partner organisation's own integration client subscribes to the events of its own plans: it hears
 * nothing of another partner's plans, and neither sees nor changes anyone else's subscriptions.
 */
@QuarkusTest
class OrganisationWebhooksTest {

    private static final String TOPIC = "partnerplan.plan.events.v1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
    private final UUID vendor = UUID.randomUUID();
    private final UUID partnerA = UUID.randomUUID();
    private final UUID partnerB = UUID.randomUUID();
    private final String admin = DevTokens.tokenFor(tenant, null, "admin@contoso.test", Roles.TENANT_ADMIN);
    private final String clientOfA = DevTokens.integration(tenant, partnerA, "northwind-prm");
    private final String clientOfB = DevTokens.integration(tenant, partnerB, "fabrikam-prm");
    private TestEndpoint endpoint;

    @AfterEach
    void close() {
        if (endpoint != null) {
            endpoint.close();
        }
    }

    private String subscribe(String token, String url, String... types) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("url", url, "eventTypes", List.of(types))).post("/api/v1/notifications/webhooks")
                .then().statusCode(201).extract().path("id");
    }

    private void planEvent(UUID plan, UUID partner, String type, String id) {
        String data = """
                {"id":"%s","vendorOrganisationId":"%s","partnerOrganisationId":"%s","title":"Plan of %s","status":"DRAFT","signOffs":[]}"""
                .formatted(plan, vendor, partner, partner);
        KafkaProbe.send(TOPIC, plan.toString(), data,
                KafkaProbe.cloudEventHeaders(id, "io.partnerplan." + type + ".v1", plan.toString(), tenant, "vm@contoso.test"));
    }

    @Test
    void aPartnersClientHearsTheEventsOfItsOwnPlansOnly() throws Exception {
        endpoint = new TestEndpoint(n -> 204);
        String own = given().auth().oauth2(clientOfA).contentType(ContentType.JSON)
                .body(Map.of("url", endpoint.url(), "eventTypes", List.of("plan.updated", "plan.created")))
                .post("/api/v1/notifications/webhooks").then().statusCode(201)
                .body("organisationId", equalTo(partnerA.toString())).extract().path("id");
        UUID planOfA = UUID.randomUUID();
        UUID planOfB = UUID.randomUUID();
        String ofB = UUID.randomUUID().toString();
        String ofA = UUID.randomUUID().toString();
        planEvent(planOfB, partnerB, "plan.updated", ofB);
        planEvent(planOfA, partnerA, "plan.updated", ofA);
        // A plan created after the subscription is the partner's from its first event on.
        UUID newPlanOfA = UUID.randomUUID();
        String created = UUID.randomUUID().toString();
        KafkaProbe.send(TOPIC, newPlanOfA.toString(), """
                {"planId":"%s","vendorOrganisationId":"%s","partnerOrganisationId":"%s","title":"New","horizonStart":"2027-02-01",
                 "horizonEnd":"2028-01-31","createdBy":"vm@contoso.test","vendorName":"Contoso","partnerName":"Northwind"}"""
                .formatted(newPlanOfA, vendor, partnerA), KafkaProbe.cloudEventHeaders(created, "io.partnerplan.plan.created.v1",
                newPlanOfA.toString(), tenant, "vm@contoso.test"));
        await().atMost(Duration.ofSeconds(30)).until(() -> endpoint.received.size() >= 2);
        // Partner B's plan event, published first, has had every chance to arrive.
        Thread.sleep(1500);
        List<String> received = endpoint.received.stream().map(r -> r.header("PartnerPlan-Event-Id")).sorted().toList();
        assertEquals(java.util.stream.Stream.of(ofA, created).sorted().toList(), received, "only partner A's plans");
        for (TestEndpoint.Received r : endpoint.received) {
            assertEquals(partnerA.toString(), JSON.readTree(r.body()).path("data").path("partnerOrganisationId").asText());
        }
        given().auth().oauth2(clientOfA).get("/api/v1/notifications/webhooks/{id}/deliveries", own).then().statusCode(200)
                .body("items.eventId", hasItems(ofA, created));
    }

    @Test
    void aPartnersClientSubscribesToPlanEventsOnly() {
        given().auth().oauth2(clientOfA).contentType(ContentType.JSON)
                .body(Map.of("url", "http://127.0.0.1:9/hook", "eventTypes", List.of("plan.agreed", "organisation.created",
                        "availability.changed")))
                .post("/api/v1/notifications/webhooks").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("eventTypes[1]", "eventTypes[2]")))
                .body("errors[0].message", containsString("its own plans"));
        // A client token without an organisation manages nothing.
        given().auth().oauth2(DevTokens.token(tenant, null, Roles.INTEGRATION)).get("/api/v1/notifications/webhooks")
                .then().statusCode(403);
    }

    @Test
    void nobodyButItsOwnerOrTheTenantAdminSeesOrChangesASubscription() {
        String vendors = subscribe(admin, "http://127.0.0.1:9/vendor", "plan.agreed", "organisation.created");
        String ofA = subscribe(clientOfA, "http://127.0.0.1:9/northwind", "plan.agreed");
        String ofB = subscribe(clientOfB, "http://127.0.0.1:9/fabrikam", "plan.agreed");
        Map<String, Object> takeover = Map.of("url", "http://127.0.0.1:9/stolen", "eventTypes", List.of("plan.agreed"));

        for (String other : List.of(vendors, ofB)) {
            given().auth().oauth2(clientOfA).get("/api/v1/notifications/webhooks/{id}", other).then().statusCode(404)
                    .contentType("application/problem+json");
            given().auth().oauth2(clientOfA).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(takeover)
                    .put("/api/v1/notifications/webhooks/{id}", other).then().statusCode(404);
            given().auth().oauth2(clientOfA).post("/api/v1/notifications/webhooks/{id}/rotate-secret", other).then().statusCode(404);
            given().auth().oauth2(clientOfA).get("/api/v1/notifications/webhooks/{id}/deliveries", other).then().statusCode(404);
            given().auth().oauth2(clientOfA).delete("/api/v1/notifications/webhooks/{id}", other).then().statusCode(404);
        }
        given().auth().oauth2(clientOfA).get("/api/v1/notifications/webhooks?limit=100").then().statusCode(200)
                .body("items.id", equalTo(List.of(ofA)));
        given().auth().oauth2(clientOfA).get("/api/v1/notifications/webhooks/dead-letters").then().statusCode(200);
        given().auth().oauth2(admin).get("/api/v1/notifications/webhooks?limit=100").then().statusCode(200)
                .body("items.id", hasItems(vendors, ofA, ofB));
        given().auth().oauth2(admin).get("/api/v1/notifications/webhooks/{id}", vendors).then().statusCode(200)
                .body("url", equalTo("http://127.0.0.1:9/vendor"));
        given().auth().oauth2(clientOfA).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("url", "http://127.0.0.1:9/northwind2", "eventTypes", List.of("plan.agreed", "milestone.achieved")))
                .put("/api/v1/notifications/webhooks/{id}", ofA).then().statusCode(200).body("organisationId", equalTo(partnerA.toString()));
    }
}
