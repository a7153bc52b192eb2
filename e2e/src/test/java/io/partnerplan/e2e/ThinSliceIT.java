package io.partnerplan.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.partnerplan.platform.testing.DevTokens;
import io.restassured.http.ContentType;

/**
 * The four services as built jars behind the real nginx gateway, on the build's PostgreSQL and
 * Kafka: a plan drafted through the gateway reaches the vendor manager's inbox through the broker.
 */
class ThinSliceIT {

    @BeforeAll
    static void startStack() throws Exception {
        E2eStack.ensureUp();
    }

    @Test
    void aDraftedPlanReachesTheVendorManagersInboxThroughGatewayAndBroker() {
        String tenant = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
        String admin = DevTokens.token(tenant, null, "tenant-admin");
        String vendor = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("name", "Contoso Cloud", "kind", "VENDOR", "timeZone", "America/Los_Angeles"))
                .post("/api/v1/organisations").then().statusCode(201).extract().path("id");
        String partner = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("name", "Northwind Resellers", "kind", "PARTNER", "timeZone", "Europe/London"))
                .post("/api/v1/organisations").then().statusCode(201).extract().path("id");
        String manager = "maria-" + UUID.randomUUID() + "@contoso.example";
        String vm = DevTokens.tokenFor(tenant, UUID.fromString(vendor), manager, "vendor-manager");

        String plan = given().auth().oauth2(vm).contentType(ContentType.JSON)
                .body(Map.of("partnerOrganisationId", partner, "title", "Contoso x Northwind FY27",
                        "horizonStart", "2026-02-01", "horizonEnd", "2027-01-31"))
                .post("/api/v1/plans")
                .then().statusCode(201).header("X-Request-Id", notNullValue()).extract().path("id");

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                given().auth().oauth2(vm).get("/api/v1/notifications/inbox")
                        .then().statusCode(200)
                        .body("items", hasSize(1))
                        .body("items[0].eventType", equalTo("plan.created"))
                        .body("items[0].link", equalTo("/api/v1/plans/" + plan))
                        .body("items[0].title", containsString("Contoso x Northwind FY27")));

        // The partner owner was not the drafter: nothing in their inbox.
        String po = DevTokens.token(tenant, UUID.fromString(partner), "partner-owner");
        given().auth().oauth2(po).get("/api/v1/notifications/inbox").then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void everyServiceAnswersBehindTheGateway() {
        String tenant = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
        String vm = DevTokens.token(tenant, UUID.randomUUID(), "vendor-manager");
        given().auth().oauth2(vm).get("/api/v1/kpis").then().statusCode(200).body("items", hasSize(0));
        given().auth().oauth2(vm).get("/api/v1/fiscal-calendars/{id}", UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(vm).get("/api/v1/plans").then().statusCode(200);
        given().auth().oauth2(vm).get("/api/v1/notifications/inbox/unread-count").then().statusCode(200);
        given().auth().oauth2(vm).get("/api/v1/mops/{id}", UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(vm).queryParam("from", "2026-01-01").queryParam("to", "2026-12-31")
                .get("/api/v1/partnerships/{v}/{p}/quarter-ends", UUID.randomUUID(), UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void gatewayAnswersWithProblemsAndServesTheApiDocument() {
        given().get("/api/v1/plans").then().statusCode(401).contentType("application/problem+json");
        given().get("/nowhere").then().statusCode(404).contentType("application/problem+json");
        given().header("X-Request-Id", "trace-me-123").get("/api/v1/plans")
                .then().header("X-Request-Id", "trace-me-123").body("traceId", equalTo("trace-me-123"));
        String big = "x".repeat(2 * 1024 * 1024);
        given().contentType(ContentType.JSON).body(big).post("/api/v1/plans")
                .then().statusCode(413).contentType("application/problem+json");
        given().get("/openapi.yaml").then().statusCode(200).body(containsString("/api/v1/plans"))
                .body(containsString("/api/v1/notifications/inbox"));
        given().get("/docs/").then().statusCode(200).body(containsString("swagger"));
    }
}
