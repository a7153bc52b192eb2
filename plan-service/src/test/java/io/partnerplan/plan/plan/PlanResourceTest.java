package io.partnerplan.plan.plan;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.partnerplan.plan.Fixtures;
import io.partnerplan.platform.security.Roles;
import io.partnerplan.platform.testing.DevTokens;
import io.partnerplan.platform.testing.KafkaProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class PlanResourceTest {

    @Test
    void draftingAPlanPublishesPlanCreatedAsACloudEventKeyedByPlan() {
        Fixtures f = Fixtures.newTenant();
        UUID plan = f.draftPlan("Northwind FY27");

        ConsumerRecord<String, String> record = KafkaProbe.awaitRecord("partnerplan.plan.events.v1",
                Duration.ofSeconds(30), r -> plan.toString().equals(r.key()));

        assertEquals("io.partnerplan.plan.created.v1", KafkaProbe.header(record, "ce_type"));
        assertEquals("1.0", KafkaProbe.header(record, "ce_specversion"));
        assertEquals(plan.toString(), KafkaProbe.header(record, "ce_subject"));
        assertEquals(f.tenant(), KafkaProbe.header(record, "ce_tenantid"));
        assertEquals("/partnerplan/plan-service", KafkaProbe.header(record, "ce_source"));
        io.restassured.path.json.JsonPath data = new io.restassured.path.json.JsonPath(record.value());
        assertEquals("vm@contoso.test", data.getString("createdBy"));
        assertEquals(f.partner().toString(), data.getString("partnerOrganisationId"));
    }

    @Test
    void bothPartiesSeeThePlanAndNobodyElseDoes() {
        Fixtures f = Fixtures.newTenant();
        UUID plan = f.draftPlan("Shared plan");

        given().auth().oauth2(f.vendorManager()).get("/api/v1/plans/{id}", plan)
                .then().statusCode(200).body("status", equalTo("DRAFT")).header("ETag", "\"0\"");
        given().auth().oauth2(f.partnerOwner()).get("/api/v1/plans/{id}", plan)
                .then().statusCode(200).body("title", equalTo("Shared plan"));

        // Another partner of the same vendor: neither the plan nor its existence is visible.
        String admin = DevTokens.token(f.tenant(), null, Roles.TENANT_ADMIN);
        UUID otherPartner = Fixtures.organisation(admin, "Fabrikam", "PARTNER");
        String other = DevTokens.token(f.tenant(), otherPartner, Roles.PARTNER_OWNER);
        given().auth().oauth2(other).get("/api/v1/plans/{id}", plan)
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(other).get("/api/v1/plans").then().statusCode(200).body("items", hasSize(0));

        // Another tenant, even with the same organisation id in its token, sees nothing.
        String stranger = DevTokens.token("someone-else", f.vendor(), Roles.VENDOR_MANAGER);
        given().auth().oauth2(stranger).get("/api/v1/plans/{id}", plan).then().statusCode(404);
        given().auth().oauth2(stranger).get("/api/v1/plans").then().statusCode(200).body("items", hasSize(0));
        given().auth().oauth2(stranger).get("/api/v1/organisations/{id}", f.vendor()).then().statusCode(404);
    }

    @Test
    void partnersCannotDraftPlans() {
        Fixtures f = Fixtures.newTenant();
        given().auth().oauth2(f.partnerOwner()).contentType(ContentType.JSON)
                .body(Map.of("partnerOrganisationId", f.partner().toString(), "title", "x",
                        "horizonStart", "2027-01-01", "horizonEnd", "2027-12-31"))
                .post("/api/v1/plans")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void listIsCursorPagedInCreationOrder() {
        Fixtures f = Fixtures.newTenant();
        UUID first = f.draftPlan("one");
        UUID second = f.draftPlan("two");
        UUID third = f.draftPlan("three");

        String cursor = given().auth().oauth2(f.vendorManager()).queryParam("limit", 2).get("/api/v1/plans")
                .then().statusCode(200)
                .body("items", hasSize(2)).body("items[0].id", equalTo(first.toString()))
                .body("items[1].id", equalTo(second.toString())).body("nextCursor", notNullValue())
                .extract().path("nextCursor");
        given().auth().oauth2(f.vendorManager()).queryParam("limit", 2).queryParam("cursor", cursor).get("/api/v1/plans")
                .then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].id", equalTo(third.toString()))
                .body("nextCursor", nullValue());
        given().auth().oauth2(f.vendorManager()).queryParam("limit", 1000).get("/api/v1/plans")
                .then().statusCode(400).body("errors[0].field", equalTo("limit"));
        given().auth().oauth2(f.vendorManager()).queryParam("cursor", "not-a-cursor").get("/api/v1/plans")
                .then().statusCode(400).body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void editsNeedTheCurrentETag() {
        Fixtures f = Fixtures.newTenant();
        UUID plan = f.draftPlan("Before");
        Map<String, String> edit = Map.of("title", "After", "horizonStart", "2027-02-01", "horizonEnd", "2028-01-31");

        given().auth().oauth2(f.partnerOwner()).contentType(ContentType.JSON).body(edit)
                .put("/api/v1/plans/{id}", plan)
                .then().statusCode(428).contentType("application/problem+json");
        given().auth().oauth2(f.partnerOwner()).contentType(ContentType.JSON).body(edit).header("If-Match", "\"0\"")
                .put("/api/v1/plans/{id}", plan)
                .then().statusCode(200).header("ETag", "\"1\"").body("title", equalTo("After"));
        // The vendor edits from the stale version it read before: refused, the partner's edit is kept.
        given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON)
                .body(Map.of("title", "Lost update", "horizonStart", "2027-02-01", "horizonEnd", "2028-01-31"))
                .header("If-Match", "\"0\"")
                .put("/api/v1/plans/{id}", plan)
                .then().statusCode(412).contentType("application/problem+json");
        given().auth().oauth2(f.vendorManager()).get("/api/v1/plans/{id}", plan)
                .then().body("title", equalTo("After"));
    }

    @Test
    void idempotencyKeyReplaysTheFirstAnswerAndRefusesADifferentBody() {
        Fixtures f = Fixtures.newTenant();
        Map<String, String> body = Map.of("partnerOrganisationId", f.partner().toString(), "title", "Once",
                "horizonStart", "2027-02-01", "horizonEnd", "2028-01-31");
        String key = UUID.randomUUID().toString();

        String first = given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(body).post("/api/v1/plans").then().statusCode(201).extract().path("id");
        given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(body).post("/api/v1/plans")
                .then().statusCode(201).body("id", equalTo(first)).header("Idempotent-Replayed", "true")
                .header("Location", endsWith("/api/v1/plans/" + first));
        given().auth().oauth2(f.vendorManager()).get("/api/v1/plans").then().body("items", hasSize(1));

        given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(Map.of("partnerOrganisationId", f.partner().toString(), "title", "Twice",
                        "horizonStart", "2027-02-01", "horizonEnd", "2028-01-31"))
                .post("/api/v1/plans")
                .then().statusCode(422).contentType("application/problem+json");
    }

    @Test
    void requestsWithTheSameKeyAtTheSameTimeDraftOnePlanAndAllGetItsAnswer() throws Exception {
        Fixtures f = Fixtures.newTenant();
        Map<String, String> body = Map.of("partnerOrganisationId", f.partner().toString(), "title", "Raced",
                "horizonStart", "2027-02-01", "horizonEnd", "2028-01-31");
        String key = UUID.randomUUID().toString();
        java.util.List<java.util.concurrent.Future<io.restassured.response.Response>> answers = new java.util.ArrayList<>();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(6)) {
            for (int i = 0; i < 6; i++) {
                answers.add(pool.submit(() -> given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON)
                        .header("Idempotency-Key", key).body(body).post("/api/v1/plans")));
            }
        }
        java.util.Set<String> ids = new java.util.HashSet<>();
        int replayed = 0;
        for (var answer : answers) {
            io.restassured.response.Response r = answer.get();
            assertEquals(201, r.statusCode(), r.asString());
            ids.add(r.path("id"));
            replayed += "true".equals(r.header("Idempotent-Replayed")) ? 1 : 0;
        }
        assertEquals(1, ids.size(), "every answer names the same plan");
        assertEquals(5, replayed, "one ran, five were replayed");
        given().auth().oauth2(f.vendorManager()).get("/api/v1/plans").then().body("items", hasSize(1));
    }

    @Test
    void aRefusedRequestIsNotRememberedSoItsCorrectedRetryWithTheSameKeyRuns() {
        Fixtures f = Fixtures.newTenant();
        String key = UUID.randomUUID().toString();
        Map<String, String> tooEarly = Map.of("partnerOrganisationId", f.partner().toString(), "title", "Refused",
                "horizonStart", "2028-02-01", "horizonEnd", "2027-01-31");
        given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(tooEarly).post("/api/v1/plans").then().statusCode(400);
        given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(tooEarly).post("/api/v1/plans").then().statusCode(400).header("Idempotent-Replayed", nullValue());
        given().auth().oauth2(f.vendorManager()).get("/api/v1/plans").then().body("items", hasSize(0));
        given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(Map.of("partnerOrganisationId", f.partner().toString(), "title", "Corrected",
                        "horizonStart", "2027-02-01", "horizonEnd", "2028-01-31"))
                .post("/api/v1/plans").then().statusCode(201).header("Idempotent-Replayed", nullValue());
    }
}
