package io.partnerplan.kpi.target;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.partnerplan.kpi.PlanFixture;
import io.partnerplan.platform.testing.SettableClock;
import io.partnerplan.platform.security.Roles;
import io.partnerplan.platform.testing.DevTokens;
import io.partnerplan.platform.testing.KafkaProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Targets per MOP period and the scorecard that judges measurements against them. */
@QuarkusTest
class TargetsAndScorecardTest {

    @Inject
    SettableClock clock;

    private final PlanFixture f = new PlanFixture();

    @BeforeEach
    void activePlan() {
        f.activePlanWithMop();
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private static Map<String, Object> targets(Object... startEndTarget) {
        List<Map<String, String>> periods = new java.util.ArrayList<>();
        for (int i = 0; i < startEndTarget.length; i += 3) {
            periods.add(Map.of("start", (String) startEndTarget[i], "end", (String) startEndTarget[i + 1],
                    "target", (String) startEndTarget[i + 2]));
        }
        return Map.of("periods", periods);
    }

    @Test
    void targetsOfADraftNameThePlansMopPeriodsAreReplacedOnlyWithTheETagLastReadAndOnceAgreedOnlyByAmendment() {
        PlanFixture f = new PlanFixture().draftPlanWithMop();
        given().auth().oauth2(f.vendorManager).contentType(ContentType.JSON)
                .body(targets("2027-01-01", "2027-03-31", "200000"))
                .put("/api/v1/targets/{plan}/revenue", f.plan).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("periods[0].start"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("MOP Q1 2027 2027-02-01..2027-04-30"));
        given().auth().oauth2(f.vendorManager).contentType(ContentType.JSON)
                .body(Map.of("periods", List.of(Map.of("start", "2027-02-01", "end", "2027-04-30", "target", "1")),
                        "greenAt", 90, "amberAt", 95))
                .put("/api/v1/targets/{plan}/revenue", f.plan).then().statusCode(400).body("errors[0].field", equalTo("amberAt"));
        given().auth().oauth2(f.vendorManager).contentType(ContentType.JSON)
                .body(targets("2027-02-01", "2027-04-30", "200000", "2027-02-01", "2027-04-30", "5"))
                .put("/api/v1/targets/{plan}/revenue", f.plan).then().statusCode(400)
                .body("errors[0].field", equalTo("periods[1].start"));
        given().auth().oauth2(f.vendorManager).get("/api/v1/targets/{plan}", f.plan).then().statusCode(200).body("$", hasSize(0));

        given().auth().oauth2(f.vendorManager).contentType(ContentType.JSON)
                .body(targets("2027-05-01", "2027-07-31", "250000", "2027-02-01", "2027-04-30", "200000"))
                .put("/api/v1/targets/{plan}/revenue", f.plan).then().statusCode(200).header("ETag", "\"0\"")
                .body("periods[0].label", equalTo("MOP Q1 2027")).body("periods[1].target", equalTo("250000"))
                .body("greenAt", equalTo("100")).body("amberAt", equalTo("80"));

        Map<String, Object> raise = targets("2027-02-01", "2027-04-30", "220000");
        given().auth().oauth2(f.partnerOwner).contentType(ContentType.JSON).body(raise)
                .put("/api/v1/targets/{plan}/revenue", f.plan).then().statusCode(428);
        given().auth().oauth2(f.partnerOwner).contentType(ContentType.JSON).body(raise).header("If-Match", "\"7\"")
                .put("/api/v1/targets/{plan}/revenue", f.plan).then().statusCode(412);
        given().auth().oauth2(f.partnerOwner).contentType(ContentType.JSON).body(raise).header("If-Match", "\"0\"")
                .put("/api/v1/targets/{plan}/revenue", f.plan).then().statusCode(200).header("ETag", "\"1\"")
                .body("periods", hasSize(1)).body("periods[0].target", equalTo("220000"));
        given().auth().oauth2(DevTokens.token(f.tenant, f.partner, Roles.VIEWER)).contentType(ContentType.JSON).body(raise)
                .header("If-Match", "\"1\"").put("/api/v1/targets/{plan}/revenue", f.plan).then().statusCode(403);
    
        // Both sides signed: the targets are the agreed objectives'; typing them answers 409 naming the amendment.
        f.planEvent("agreed", "AGREED");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(f.vendorManager)
                .contentType(ContentType.JSON).body(targets("2027-02-01", "2027-04-30", "1")).header("If-Match", "\"1\"")
                .put("/api/v1/targets/{plan}/revenue", f.plan).then().statusCode(409).contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.endsWith("/agreed-content"))
                .body("detail", org.hamcrest.Matchers.containsString("POST /api/v1/plans/" + f.plan + "/amendments"))
                .body("detail", org.hamcrest.Matchers.containsString("changes.objectives")));
        f.planEvent("activated", "ACTIVE");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(f.partnerOwner)
                .contentType(ContentType.JSON).body(targets("2027-05-01", "2027-07-31", "1")).header("If-Match", "\"1\"")
                .put("/api/v1/targets/{plan}/revenue", f.plan).then().statusCode(409)
                .body("detail", org.hamcrest.Matchers.containsString("active plan")));
        given().auth().oauth2(f.partnerOwner).get("/api/v1/targets/{plan}/revenue", f.plan).then().statusCode(200)
                .header("ETag", "\"1\"").body("periods.target", contains("220000"));
        f.planEvent("closed", "CLOSED");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(f.vendorManager)
                .contentType(ContentType.JSON).body(targets("2027-02-01", "2027-04-30", "1")).header("If-Match", "\"1\"")
                .put("/api/v1/targets/{plan}/revenue", f.plan).then().statusCode(409)
                .body("detail", org.hamcrest.Matchers.containsString("closed")));
    }

    @Test
    void theScorecardShowsAttainmentForecastAndRagPerPeriodAndToDate() {
        f.agreedTargets("revenue", "2027-02-01", "2027-04-30", "200000", "2027-05-01", "2027-07-31", "250000");
        f.measure("100000", "2027-02-15", "opp-1");
        f.measure("50000", "2027-03-20", "opp-2");
        f.measure("90000", "2027-05-10", "opp-3");

        // 31 March: Q1 is current, 150,000 after 59 of its 89 days runs at 226,271 (113.1%): green.
        given().auth().oauth2(f.partnerOwner).queryParam("asOf", "2027-03-31").get("/api/v1/scorecards/{plan}", f.plan)
                .then().statusCode(200)
                .body("periods", hasSize(4))
                .body("kpis[0].kpi", equalTo("revenue"))
                .body("kpis[0].periods[0].status", equalTo("CURRENT"))
                .body("kpis[0].periods[0].actual", equalTo("150000"))
                .body("kpis[0].periods[0].attainment", equalTo("75"))
                .body("kpis[0].periods[0].forecast", equalTo("226271.1864"))
                .body("kpis[0].periods[0].forecastAttainment", equalTo("113.1"))
                .body("kpis[0].periods[0].rag", equalTo("GREEN"))
                .body("kpis[0].periods[1].status", equalTo("UPCOMING"))
                .body("kpis[0].periods[1].actual", nullValue())
                .body("kpis[0].toDate.target", equalTo("132584.27"))
                .body("kpis[0].toDate.actual", equalTo("150000"))
                // The chart's series is per month unless asked otherwise (five years of days is no chart).
                .body("kpis[0].series.on", contains("2027-02-01", "2027-03-01"))
                .body("kpis[0].series[1].cumulative", equalTo("150000"));
        given().auth().oauth2(f.partnerOwner).queryParam("asOf", "2027-03-31").queryParam("series", "day")
                .get("/api/v1/scorecards/{plan}", f.plan).then().statusCode(200)
                .body("kpis[0].series.on", contains("2027-02-15", "2027-03-20"))
                .body("kpis[0].series.cumulative", contains("100000", "150000"));

        // A chart over a long horizon asks for months or weeks: the same values, summed per bucket.
        given().auth().oauth2(f.partnerOwner).queryParam("asOf", "2027-05-31").queryParam("series", "month")
                .get("/api/v1/scorecards/{plan}", f.plan).then().statusCode(200)
                .body("kpis[0].series.on", contains("2027-02-01", "2027-03-01", "2027-05-01"))
                .body("kpis[0].series.value", contains("100000", "50000", "90000"))
                .body("kpis[0].series.cumulative", contains("100000", "150000", "240000"));
        given().auth().oauth2(f.partnerOwner).queryParam("asOf", "2027-05-31").queryParam("series", "WEEK")
                .get("/api/v1/scorecards/{plan}", f.plan).then().statusCode(200)
                .body("kpis[0].series.on", contains("2027-02-15", "2027-03-15", "2027-05-10"));
        given().auth().oauth2(f.partnerOwner).queryParam("asOf", "2027-05-31").queryParam("series", "none")
                .get("/api/v1/scorecards/{plan}", f.plan).then().statusCode(200)
                .body("kpis[0].series", hasSize(0)).body("kpis[0].periods[1].actual", equalTo("90000"));
        given().auth().oauth2(f.partnerOwner).queryParam("series", "hourly").get("/api/v1/scorecards/{plan}", f.plan)
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("series"));

        // 31 May: Q1 closed at 75% (red); Q2 runs at 90,000 * 92 / 31 = 267,097 (106.8%): green, trend up.
        given().auth().oauth2(f.vendorManager).queryParam("asOf", "2027-05-31").get("/api/v1/scorecards/{plan}", f.plan)
                .then().statusCode(200)
                .body("kpis[0].periods[0].status", equalTo("CLOSED"))
                .body("kpis[0].periods[0].rag", equalTo("RED"))
                .body("kpis[0].periods[1].forecastAttainment", equalTo("106.8"))
                .body("kpis[0].rag", equalTo("GREEN"))
                .body("kpis[0].trend", equalTo("UP"));

        given().auth().oauth2(f.vendorManager).queryParam("asOf", "31/05/2027").get("/api/v1/scorecards/{plan}", f.plan)
                .then().statusCode(400).body("errors[0].field", equalTo("asOf"));
    }

    @Test
    void theObjectivesBothSidesAgreedMoveTheTargetsTheyNameSplitOntoThePeriodsTheyReach() {
        PlanFixture f = new PlanFixture().draftPlanWithMop();
        given().auth().oauth2(f.vendorManager).contentType(ContentType.JSON)
                .body(Map.of("periods", List.of(Map.of("start", "2027-02-01", "end", "2027-04-30", "target", "200000"),
                        Map.of("start", "2027-05-01", "end", "2027-07-31", "target", "250000")), "greenAt", 90, "amberAt", 70))
                .put("/api/v1/targets/{plan}/revenue", f.plan).then().statusCode(200).header("ETag", "\"0\"");
        f.planEvent("agreed", "AGREED");
        // An amendment's proposal carries no plan header: kpi-service passes over it (it used to dead-letter it).
        String amendment = UUID.randomUUID().toString();
        f.send(PlanFixture.PLAN_TOPIC, f.plan, "plan.amendment-proposed", """
                {"amendmentId":"%s","planId":"%s","proposedBy":"po@northwind.test","proposedBySide":"PARTNER",
                 "reason":"Q2 is a short quarter for us","status":"PROPOSED","fromVersion":3,"toVersion":null,"acceptedBy":null,
                 "changes":{"plan":null,"sections":null,"milestones":null,"investments":null,"budgets":null,
                   "objectives":[{"op":"replace","path":"/x/measures/0/target","value":"180000","from":null}]},
                 "rejectedBy":null,"rejectionReason":null,"withdrawnBy":null,"withdrawalReason":null}"""
                .formatted(amendment, f.plan));
        // Accepted: plan-service announces the objectives in force, and they are the targets.
        String objective = """
                {"id":"%s","planId":"%s","title":"%s","description":null,"measures":%s,"periodStart":"%s","periodEnd":"%s","version":1}""";
        f.send(PlanFixture.PLAN_TOPIC, f.plan, "plan.objectives-agreed", """
                {"planId":"%s","planVersion":4,"objectives":[%s,%s,%s]}""".formatted(f.plan,
                objective.formatted(UUID.randomUUID(), f.plan, "Q1 revenue", "[{\"kpi\":\"revenue\",\"target\":\"200000\"}]",
                        "2027-02-01", "2027-04-30"),
                objective.formatted(UUID.randomUUID(), f.plan, "Q2 revenue",
                        "[{\"kpi\":\"revenue\",\"target\":\"180000\"},{\"kpi\":\"deals-won\",\"target\":\"12\"}]",
                        "2027-05-01", "2027-07-31"),
                objective.formatted(UUID.randomUUID(), f.plan, "H2 revenue", "[{\"kpi\":\"revenue\",\"target\":\"999999\"}]",
                        "2027-08-01", "2028-01-31")));

        // Q2 follows the agreed objective; Q1 (unchanged) and the thresholds stay; the half-year objective is split
        // by days onto the two MOP periods it spans (92 days each: half each); deals-won is not in the tenant's
        // library, so it gets no target.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(f.partnerOwner)
                .get("/api/v1/targets/{plan}/revenue", f.plan).then().statusCode(200).header("ETag", "\"1\"")
                .body("periods.target", contains("200000", "180000", "499999.5", "499999.5"))
                .body("periods.label", contains("MOP Q1 2027", "MOP Q2 2027", "MOP Q3 2027", "MOP Q4 2027"))
                .body("greenAt", equalTo("90")).body("amberAt", equalTo("70")));
        given().auth().oauth2(f.partnerOwner).get("/api/v1/targets/{plan}", f.plan).then().statusCode(200).body("kpi", contains("revenue"));
        var announced = KafkaProbe.awaitRecord(PlanFixture.KPI_TOPIC, Duration.ofSeconds(30), r -> f.plan.toString().equals(r.key())
                && "io.partnerplan.kpi.targets.set.v1".equals(KafkaProbe.header(r, "ce_type")) && r.value().contains("180000"));
        assertTrue(announced.value().contains("\"version\":1"), announced.value());
        assertTrue(KafkaProbe.allRecords(PlanFixture.PLAN_TOPIC + ".kpi.dlq", Duration.ofSeconds(2),
                r -> f.plan.toString().equals(r.key())).isEmpty(), "no plan event of this plan was dead-lettered");
    }

    @Test
    void anotherPartnerOrTenantSeesNeitherTargetsNorScorecard() {
        f.agreedTargets("revenue", "2027-02-01", "2027-04-30", "200000");
        for (String stranger : new String[] { DevTokens.token(f.tenant, UUID.randomUUID(), Roles.PARTNER_OWNER),
                DevTokens.token("x-" + f.tenant, f.partner, Roles.PARTNER_OWNER) }) {
            given().auth().oauth2(stranger).get("/api/v1/scorecards/{plan}", f.plan).then().statusCode(404)
                    .contentType("application/problem+json");
            given().auth().oauth2(stranger).get("/api/v1/targets/{plan}/revenue", f.plan).then().statusCode(404);
            given().auth().oauth2(stranger).get("/api/v1/targets/{plan}/periods", f.plan).then().statusCode(404);
            given().auth().oauth2(stranger).contentType(ContentType.JSON).body(targets("2027-02-01", "2027-04-30", "1"))
                    .header("If-Match", "*").put("/api/v1/targets/{plan}/revenue", f.plan).then().statusCode(404);
        }
    }
}
