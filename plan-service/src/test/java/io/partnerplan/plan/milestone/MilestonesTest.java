package io.partnerplan.plan.milestone;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.partnerplan.plan.Fixtures;
import io.partnerplan.platform.security.Roles;
import io.partnerplan.platform.testing.DevTokens;
import io.partnerplan.platform.testing.KafkaProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Milestones with KPI and checklist criteria; kpi-service's verdicts arrive as kpi.criterion.* events
 * on the real broker and move the milestone; achieving it unlocks the investments that depend on it.
 */
@QuarkusTest
class MilestonesTest {

    private static final String PLAN_TOPIC = "partnerplan.plan.events.v1";
    private static final String KPI_TOPIC = "partnerplan.kpi.events.v1";

    private static Map<String, Object> kpiCriterion(String threshold) {
        return Map.of("kind", "KPI", "kpi", "revenue", "threshold", threshold, "windowStart", "2027-02-01",
                "windowEnd", "2027-04-30");
    }

    private static Map<String, Object> checklist(boolean done) {
        return Map.of("kind", "CHECKLIST", "items", List.of(Map.of("text", "Joint webinar held", "done", done)));
    }

    private static Map<String, Object> milestone(Object... criteria) {
        return Map.of("title", "Q1 revenue and webinar", "dueOn", "2027-04-30", "criteria", List.of(criteria));
    }

    private static void verdict(Fixtures f, UUID plan, UUID milestone, String criterion, String state) {
        String data = """
                {"criterionId":"%s","milestoneId":"%s","planId":"%s","kpi":"revenue","threshold":"200000",
                 "windowStart":"2027-02-01","windowEnd":"2027-04-30","state":"%s","actual":"45000","forecast":"60338.98",
                 "evaluatedOn":"2027-03-31","reason":"forecast 60338.98 by 2027-04-30 against threshold 200000"}"""
                .formatted(criterion, milestone, plan, state);
        String type = "io.partnerplan.kpi.criterion." + state.toLowerCase().replace('_', '-') + ".v1";
        KafkaProbe.send(KPI_TOPIC, plan.toString(), data,
                KafkaProbe.cloudEventHeaders(UUID.randomUUID().toString(), type, plan.toString(), f.tenant()));
    }

    @Test
    void kpiVerdictsAndATickedChecklistAchieveTheMilestoneAndUnlockItsInvestment() {
        Fixtures f = Fixtures.newTenant();
        UUID plan = f.draftPlan("FY27");
        var created = given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON)
                .body(milestone(kpiCriterion("200000"), checklist(false)))
                .post("/api/v1/plans/{id}/milestones", plan).then().statusCode(201).header("ETag", "\"0\"")
                .body("status", equalTo("PENDING")).body("criteria[0].state", equalTo("ON_TRACK"))
                .body("criteria[0].threshold", equalTo("200000")).extract();
        UUID milestone = UUID.fromString(created.path("id"));
        String kpiCriterion = created.path("criteria[0].id");
        String checklistCriterion = created.path("criteria[1].id");
        // kpi-service learns the criterion from this event.
        KafkaProbe.awaitRecord(PLAN_TOPIC, Duration.ofSeconds(30), r -> "io.partnerplan.milestone.created.v1"
                .equals(KafkaProbe.header(r, "ce_type")) && r.value().contains(kpiCriterion) && r.value().contains("\"windowEnd\":\"2027-04-30\""));

        String investment = given().auth().oauth2(f.partnerOwner()).contentType(ContentType.JSON)
                .body(Map.of("title", "Second presales engineer", "fundingParty", "PARTNER", "amount", "120000",
                        "currency", "USD", "milestoneId", milestone.toString()))
                .post("/api/v1/plans/{id}/investments", plan).then().statusCode(201).body("status", equalTo("LOCKED"))
                .extract().path("id");

        verdict(f, plan, milestone, kpiCriterion, "AT_RISK");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(f.partnerOwner()).get("/api/v1/plans/{id}/milestones/{m}", plan, milestone).then()
                        .body("status", equalTo("AT_RISK")).body("criteria[0].reason", equalTo(
                                "forecast 60338.98 by 2027-04-30 against threshold 200000")));
        KafkaProbe.awaitRecord(PLAN_TOPIC, Duration.ofSeconds(30), r -> "io.partnerplan.milestone.at-risk.v1"
                .equals(KafkaProbe.header(r, "ce_type")) && r.value().contains(milestone.toString()));

        verdict(f, plan, milestone, kpiCriterion, "MET");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(f.partnerOwner()).get("/api/v1/plans/{id}/milestones/{m}", plan, milestone).then()
                        .body("status", equalTo("PENDING")).body("criteria[0].state", equalTo("MET")));

        // The checklist is the last criterion: ticking it achieves the milestone.
        Map<String, Object> ticked = milestone(
                Map.of("id", kpiCriterion, "kind", "KPI", "kpi", "revenue", "threshold", "200000.00",
                        "windowStart", "2027-02-01", "windowEnd", "2027-04-30"),
                Map.of("id", checklistCriterion, "kind", "CHECKLIST", "items", List.of(Map.of("text", "Joint webinar held", "done", true))));
        String etag = given().auth().oauth2(f.partnerOwner()).get("/api/v1/plans/{id}/milestones/{m}", plan, milestone)
                .then().extract().header("ETag");
        given().auth().oauth2(f.partnerOwner()).contentType(ContentType.JSON).header("If-Match", etag).body(ticked)
                .put("/api/v1/plans/{id}/milestones/{m}", plan, milestone).then().statusCode(200)
                .body("status", equalTo("ACHIEVED")).body("criteria[0].state", equalTo("MET"));
        given().auth().oauth2(f.vendorManager()).get("/api/v1/plans/{id}/investments", plan).then()
                .body("[0].status", equalTo("UNLOCKED"));
        var unlocked = KafkaProbe.allRecords(PLAN_TOPIC, Duration.ofSeconds(3), r -> "io.partnerplan.investment.unlocked.v1"
                .equals(KafkaProbe.header(r, "ce_type")) && r.value().contains(investment));
        assertEquals(1, unlocked.size());
        assertTrue(KafkaProbe.allRecords(PLAN_TOPIC, Duration.ofSeconds(1), r -> "io.partnerplan.milestone.achieved.v1"
                .equals(KafkaProbe.header(r, "ce_type")) && r.value().contains(milestone.toString())).size() == 1);

        // Decided: no more changes, and a late verdict changes nothing.
        given().auth().oauth2(f.partnerOwner()).contentType(ContentType.JSON).header("If-Match", "*").body(ticked)
                .put("/api/v1/plans/{id}/milestones/{m}", plan, milestone).then().statusCode(409)
                .contentType("application/problem+json");
        given().auth().oauth2(f.partnerOwner()).contentType(ContentType.JSON).header("If-Match", "*")
                .body(Map.of("title", "x", "fundingParty", "PARTNER", "amount", "1", "currency", "USD",
                        "milestoneId", milestone.toString(), "status", "WITHDRAWN"))
                .put("/api/v1/plans/{id}/investments/{i}", plan, investment).then().statusCode(409);
    }

    @Test
    void aMissedKpiCriterionMissesTheMilestoneAndLeavesItsInvestmentLocked() {
        Fixtures f = Fixtures.newTenant();
        UUID plan = f.draftPlan("FY27");
        var created = given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON)
                .body(milestone(kpiCriterion("200000"))).post("/api/v1/plans/{id}/milestones", plan)
                .then().statusCode(201).extract();
        UUID milestone = UUID.fromString(created.path("id"));
        given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON)
                .body(Map.of("title", "MDF top-up", "fundingParty", "VENDOR", "amount", "50000", "currency", "USD",
                        "milestoneId", milestone.toString()))
                .post("/api/v1/plans/{id}/investments", plan).then().statusCode(201);

        verdict(f, plan, milestone, created.path("criteria[0].id"), "MISSED");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(f.vendorManager()).get("/api/v1/plans/{id}/milestones/{m}", plan, milestone).then()
                        .body("status", equalTo("MISSED")));
        KafkaProbe.awaitRecord(PLAN_TOPIC, Duration.ofSeconds(30), r -> "io.partnerplan.milestone.missed.v1"
                .equals(KafkaProbe.header(r, "ce_type")) && r.value().contains(milestone.toString()));
        given().auth().oauth2(f.vendorManager()).get("/api/v1/plans/{id}/investments", plan).then()
                .body("[0].status", equalTo("LOCKED"));
        // Escalated in the verdict's transaction, to the default ladder's first level.
        given().auth().oauth2(f.vendorManager()).get("/api/v1/plans/{id}/escalations", plan).then()
                .body("items.cause", org.hamcrest.Matchers.contains("MILESTONE_MISSED"))
                .body("items[0].causeId", equalTo(milestone.toString()))
                .body("items[0].recipients", org.hamcrest.Matchers.contains("vm@contoso.test"));
    }

    @Test
    void badCriteriaAreNamedAndNothingIsSaved() {
        Fixtures f = Fixtures.newTenant();
        UUID plan = f.draftPlan("FY27");
        given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON)
                .body(milestone(Map.of("kind", "KPI", "kpi", "revenue", "windowStart", "2027-02-01", "windowEnd", "2027-04-30"),
                        Map.of("kind", "CHECKLIST", "items", List.of()),
                        Map.of("kind", "KPI", "kpi", "revenue", "threshold", "5", "windowStart", "2026-01-01", "windowEnd", "2026-03-31")))
                .post("/api/v1/plans/{id}/milestones", plan).then().statusCode(400).contentType("application/problem+json")
                .body("errors", hasSize(3))
                .body("errors[0].field", equalTo("criteria[0].threshold"))
                .body("errors[1].field", equalTo("criteria[1].items"))
                .body("errors[2].field", equalTo("criteria[2].windowStart"));
        given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON)
                .body(Map.of("title", "No criteria", "dueOn", "2027-04-30", "criteria", List.of()))
                .post("/api/v1/plans/{id}/milestones", plan).then().statusCode(400).body("errors[0].field", equalTo("criteria"));
        given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON)
                .body(Map.of("title", "Bad", "fundingParty", "VENDOR", "amount", "1", "currency", "USD",
                        "milestoneId", UUID.randomUUID().toString()))
                .post("/api/v1/plans/{id}/investments", plan).then().statusCode(400).body("errors[0].field", equalTo("milestoneId"));
        given().auth().oauth2(f.vendorManager()).get("/api/v1/plans/{id}/milestones", plan).then().body("items", hasSize(0));
    }

    @Test
    void anotherPartnerOrTenantCannotSeeOrChangeMilestonesOrInvestments() {
        Fixtures f = Fixtures.newTenant();
        UUID plan = f.draftPlan("FY27");
        String milestone = given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON)
                .body(milestone(checklist(false))).post("/api/v1/plans/{id}/milestones", plan)
                .then().statusCode(201).extract().path("id");
        for (String stranger : new String[] { DevTokens.token(f.tenant(), UUID.randomUUID(), Roles.PARTNER_OWNER),
                DevTokens.token("x-" + f.tenant(), f.partner(), Roles.PARTNER_OWNER) }) {
            given().auth().oauth2(stranger).get("/api/v1/plans/{id}/milestones", plan).then().statusCode(404);
            given().auth().oauth2(stranger).get("/api/v1/plans/{id}/milestones/{m}", plan, milestone).then().statusCode(404);
            given().auth().oauth2(stranger).contentType(ContentType.JSON).header("If-Match", "*").body(milestone(checklist(true)))
                    .put("/api/v1/plans/{id}/milestones/{m}", plan, milestone).then().statusCode(404);
            given().auth().oauth2(stranger).get("/api/v1/plans/{id}/investments", plan).then().statusCode(404);
        }
        given().auth().oauth2(DevTokens.token(f.tenant(), f.partner(), Roles.VIEWER)).contentType(ContentType.JSON)
                .body(milestone(checklist(false))).post("/api/v1/plans/{id}/milestones", plan).then().statusCode(403);
    }
}
