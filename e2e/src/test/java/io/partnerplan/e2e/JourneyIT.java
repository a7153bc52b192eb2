package io.partnerplan.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.partnerplan.platform.testing.DevTokens;
import io.restassured.http.ContentType;

/**
 * The joint-business-planning journey (issue 10), through the gateway only, with dev tokens of both
 * sides: steps 1 to 3 so far. Each step checks what the other services learnt through Kafka.
 */
class JourneyIT {

    private static final String PROBLEM = "application/problem+json";

    @BeforeAll
    static void stack() throws Exception {
        E2eStack.ensureUp();
    }

    @Test
    void fromCrmSyncThroughMutualOperatingPeriodToASignedPlanWithItsReviewSchedule() {
        String tenant = "journey-" + UUID.randomUUID().toString().substring(0, 8);
        String sync = DevTokens.tokenFor(tenant, null, "crm-sync@contoso.example", "integration");

        // 1. A CRM sync upserts the vendor (fiscal year from 1 February) and the partner (calendar year).
        String vendor = given().auth().oauth2(sync).contentType(ContentType.JSON)
                .body(Map.of("name", "Contoso Cloud", "kind", "VENDOR", "timeZone", "America/Los_Angeles"))
                .put("/api/v1/organisations/by-external-id/{s}/{id}", "crm:salesforce", "0015g00000VEND")
                .then().statusCode(201).extract().path("id");
        String partner = given().auth().oauth2(sync).contentType(ContentType.JSON)
                .body(Map.of("name", "Northwind Resellers", "kind", "PARTNER", "timeZone", "Europe/London"))
                .put("/api/v1/organisations/by-external-id/{s}/{id}", "crm:salesforce", "0015g00000PART")
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(sync).contentType(ContentType.JSON)
                .body(Map.of("name", "Northwind Resellers", "kind", "PARTNER", "timeZone", "Europe/London"))
                .put("/api/v1/organisations/by-external-id/{s}/{id}", "crm:salesforce", "0015g00000PART")
                .then().statusCode(200).body("id", equalTo(partner)).body("version", equalTo(0));

        String vm = DevTokens.tokenFor(tenant, UUID.fromString(vendor), "maria@contoso.example", "vendor-manager");
        String po = DevTokens.tokenFor(tenant, UUID.fromString(partner), "paul@northwind.example", "partner-owner");
        given().auth().oauth2(vm).contentType(ContentType.JSON).body(Map.of("startMonth", 2, "startDay", 1, "yearNaming", "END_YEAR"))
                .put("/api/v1/fiscal-calendars/{org}", vendor).then().statusCode(201);
        given().auth().oauth2(po).contentType(ContentType.JSON).body(Map.of("startMonth", 1, "startDay", 1, "yearNaming", "END_YEAR"))
                .put("/api/v1/fiscal-calendars/{org}", partner).then().statusCode(201);

        // 2. Quarter-ends side by side; the vendor proposes, the partner counter-proposes, the vendor accepts.
        given().auth().oauth2(po).queryParam("from", "2027-01-01").queryParam("to", "2027-12-31")
                .get("/api/v1/partnerships/{v}/{p}/quarter-ends", vendor, partner)
                .then().statusCode(200).body("vendor", hasSize(4)).body("partner", hasSize(4));
        Map<String, String> proposal = Map.of("vendorOrganisationId", vendor, "partnerOrganisationId", partner,
                "form", "VENDOR_CALENDAR", "start", "2027-02-01");
        given().auth().oauth2(vm).contentType(ContentType.JSON).body(proposal).post("/api/v1/mops").then().statusCode(201);
        String counter = given().auth().oauth2(po).contentType(ContentType.JSON)
                .body(Map.of("vendorOrganisationId", vendor, "partnerOrganisationId", partner,
                        "form", "SHARED_QUARTER_END", "start", "2027-02-01"))
                .post("/api/v1/mops").then().statusCode(201).extract().path("id");
        given().auth().oauth2(vm).header("If-Match", "\"0\"").post("/api/v1/mops/{id}/accept", counter)
                .then().statusCode(200).body("status", equalTo("AGREED"));

        // 3. The vendor manager drafts the plan, adds the partner's owner, both write, propose and sign.
        String plan = given().auth().oauth2(vm).contentType(ContentType.JSON)
                .body(Map.of("partnerOrganisationId", partner, "title", "Contoso x Northwind FY28",
                        "horizonStart", "2027-03-01", "horizonEnd", "2028-02-29", "reviewCadence", "QUARTERLY"))
                .post("/api/v1/plans").then().statusCode(201).extract().path("id");
        given().auth().oauth2(vm).contentType(ContentType.JSON)
                .body(Map.of("subject", "paul@northwind.example", "organisationId", partner, "role", "partner-owner",
                        "displayName", "Paul Partner", "email", "paul@northwind.example"))
                .post("/api/v1/plans/{id}/members", plan).then().statusCode(201);
        String etag = given().auth().oauth2(po).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("partnerStatements", Map.of("vision", "The UK mid-market's cloud advisor"),
                        "jointValueProposition", "Cloud migrations in weeks",
                        "salesPlan", Map.of("strategies", List.of(Map.of("key", "upsell", "title", "Upsell the installed base")))))
                .put("/api/v1/plans/{id}/sections", plan).then().statusCode(200).extract().header("ETag");
        etag = given().auth().oauth2(vm).header("If-Match", etag).post("/api/v1/plans/{id}/propose", plan)
                .then().statusCode(200).extract().header("ETag");
        etag = given().auth().oauth2(vm).header("If-Match", etag).post("/api/v1/plans/{id}/sign-off", plan)
                .then().statusCode(200).extract().header("ETag");

        // The partner owner hears that the plan waits for their signature, then signs.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(po).get("/api/v1/notifications/inbox").then().statusCode(200)
                        .body("items.eventType", hasItem("plan.signed-off")));
        given().auth().oauth2(po).header("If-Match", etag).post("/api/v1/plans/{id}/sign-off", plan)
                .then().statusCode(200).body("status", equalTo("AGREED"));

        // calendar-service schedules the reviews 3 business days after the agreed MOP's quarter-ends (May, Aug, Nov)
        // and on the horizon's last business day.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(po).get("/api/v1/review-schedules/{plan}", plan).then().statusCode(200)
                        .body("dueOn", equalTo(List.of("2027-06-03", "2027-09-03", "2027-12-03", "2028-02-29"))));
        // kpi-service knows the plan: the partner's CRM can report against it.
        given().auth().oauth2(DevTokens.token(tenant, null, "tenant-admin")).contentType(ContentType.JSON)
                .body(Map.of("key", "revenue", "name", "Revenue", "unit", "CURRENCY", "currency", "USD",
                        "direction", "HIGHER_IS_BETTER", "aggregation", "SUM"))
                .post("/api/v1/kpis").then().statusCode(201);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(DevTokens.tokenFor(tenant, UUID.fromString(partner), "crm@northwind.example", "integration"))
                        .contentType(ContentType.JSON)
                        .body(Map.of("planId", plan, "kpi", "revenue", "value", "250000", "currency", "USD",
                                "occurredOn", "2027-05-31", "source", "CRM", "externalId", "q1-revenue"))
                        .post("/api/v1/measurements").then().statusCode(201));
        // Both sides hear of the agreement; nobody outside the partnership sees any of it.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(vm).get("/api/v1/notifications/inbox").then()
                        .body("items.eventType", hasItem("plan.agreed")));
        String stranger = DevTokens.token(tenant, UUID.randomUUID(), "partner-owner");
        given().auth().oauth2(stranger).get("/api/v1/plans/{id}", plan).then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(stranger).get("/api/v1/review-schedules/{plan}", plan).then().statusCode(404);
        given().auth().oauth2(stranger).get("/api/v1/mops/{id}", counter).then().statusCode(404);
    }
}
