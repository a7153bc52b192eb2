package io.partnerplan.kpi.criterion;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.partnerplan.kpi.PlanFixture;
import io.partnerplan.platform.testing.SettableClock;
import io.partnerplan.platform.testing.KafkaProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * KPI-based milestone criteria, fed by plan-service's milestone events on the real broker and judged
 * when values arrive and when the MOP period closes: each state change announced exactly once.
 */
@QuarkusTest
class MilestoneCriteriaTest {

    @Inject
    SettableClock clock;

    @Inject
    CriteriaJob job;

    @Inject
    AgroalDataSource db;

    private final PlanFixture f = new PlanFixture();
    private final UUID milestone = UUID.randomUUID();
    private final UUID criterion = UUID.randomUUID();

    @BeforeEach
    void activePlan() {
        f.activePlanWithMop();
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private void milestoneWithRevenueCriterion(String threshold, String windowStart, String windowEnd) {
        milestoneWithRevenueCriterion(f, threshold, windowStart, windowEnd);
    }

    private void milestoneWithRevenueCriterion(PlanFixture f, String threshold, String windowStart, String windowEnd) {
        f.send(PlanFixture.PLAN_TOPIC, f.plan, "milestone.created", """
                {"id":"%s","planId":"%s","title":"Q1 revenue","dueOn":"%s","status":"PENDING","criteria":[
                 {"id":"%s","kind":"KPI","kpi":"revenue","threshold":"%s","windowStart":"%s","windowEnd":"%s"},
                 {"id":"%s","kind":"CHECKLIST","items":[{"text":"Joint webinar held","done":false}]}]}"""
                .formatted(milestone, f.plan, windowEnd, criterion, threshold, windowStart, windowEnd, UUID.randomUUID()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(f.vendorManager).get("/api/v1/scorecards/{plan}", f.plan).then()
                        .body("criteria[0].criterionId", equalTo(criterion.toString())));
    }

    private List<ConsumerRecord<String, String>> criterionEvents(String type, Duration window) {
        return KafkaProbe.allRecords(PlanFixture.KPI_TOPIC, window, r -> r.value().contains(criterion.toString())
                && ("io.partnerplan." + type + ".v1").equals(KafkaProbe.header(r, "ce_type")));
    }

    @Test
    void behindItsPaceTheCriterionIsAtRiskAndWhenThePeriodClosesBelowItIsMissedOnce() throws Exception {
        f.agreedTargets("revenue", "2027-02-01", "2027-04-30", "200000");
        milestoneWithRevenueCriterion("200000", "2027-02-01", "2027-04-30");

        clock.today(LocalDate.parse("2027-03-31"));
        f.measure("40000", "2027-02-10", "opp-1");
        ConsumerRecord<String, String> atRisk = KafkaProbe.awaitRecord(PlanFixture.KPI_TOPIC, Duration.ofSeconds(30),
                r -> r.value().contains(criterion.toString()) && KafkaProbe.header(r, "ce_type").endsWith("criterion.at-risk.v1"));
        assertThat(atRisk.value()).contains("\"milestoneId\":\"" + milestone + "\"").contains("\"state\":\"AT_RISK\"")
                .contains("forecast 60338.98");
        f.measure("5000", "2027-03-01", "opp-2"); // still behind: no second at-risk

        clock.today(LocalDate.parse("2027-05-01"));
        String closed = """
                {"mopId":"%s","vendorOrganisationId":"%s","partnerOrganisationId":"%s","scope":"MOP",
                 "organisationId":null,"label":"MOP Q1 2027","periodEnd":"2027-04-30","daysUntilEnd":-1}"""
                .formatted(f.mop, f.vendor, f.partner);
        f.send(PlanFixture.CALENDAR_TOPIC, f.mop, "period.closed", closed);
        ConsumerRecord<String, String> missed = KafkaProbe.awaitRecord(PlanFixture.KPI_TOPIC, Duration.ofSeconds(30),
                r -> r.value().contains(criterion.toString()) && KafkaProbe.header(r, "ce_type").endsWith("criterion.missed.v1"));
        assertThat(missed.value()).contains("\"actual\":\"45000\"");
        ConsumerRecord<String, String> targetMissed = KafkaProbe.awaitRecord(PlanFixture.KPI_TOPIC, Duration.ofSeconds(30),
                r -> f.plan.toString().equals(r.key()) && KafkaProbe.header(r, "ce_type").endsWith("target.missed.v1"));
        assertThat(targetMissed.value()).contains("\"attainment\":\"22.5\"").contains("\"period\":\"MOP Q1 2027\"");

        // The same close announced again (another event id), and the job's safety net: nothing new.
        String again = f.send(PlanFixture.CALENDAR_TOPIC, f.mop, "period.closed", closed);
        // The job sweeps every tenant's criteria (other tests' too): what counts is that this one gets nothing new.
        job.closeWindows(LocalDate.parse("2027-05-02"));
        await().atMost(Duration.ofSeconds(30)).until(() -> processed(again));
        assertThat(criterionEvents("kpi.criterion.at-risk", Duration.ofSeconds(2))).hasSize(1);
        assertThat(criterionEvents("kpi.criterion.missed", Duration.ofSeconds(2))).hasSize(1);
        assertThat(KafkaProbe.allRecords(PlanFixture.KPI_TOPIC, Duration.ofSeconds(2), r -> f.plan.toString().equals(r.key())
                && KafkaProbe.header(r, "ce_type").endsWith("target.missed.v1"))).hasSize(1);
    }

    @Test
    void aSumThatReachesTheThresholdIsMetTheDayItDoes() {
        milestoneWithRevenueCriterion("100000", "2027-02-01", "2027-04-30");
        clock.today(LocalDate.parse("2027-03-01"));
        f.measure("60000", "2027-02-10", "opp-1");
        f.measure("50000", "2027-02-27", "opp-2");
        KafkaProbe.awaitRecord(PlanFixture.KPI_TOPIC, Duration.ofSeconds(30),
                r -> r.value().contains(criterion.toString()) && KafkaProbe.header(r, "ce_type").endsWith("criterion.met.v1"));
        given().auth().oauth2(f.partnerOwner).get("/api/v1/scorecards/{plan}", f.plan).then()
                .body("criteria[0].state", equalTo("MET")).body("criteria[0].actual", equalTo("110000"));
    }

    @Test
    void aWindowNoPeriodClosesIsDecidedByTheJobOnce() {
        milestoneWithRevenueCriterion("100000", "2027-02-01", "2027-02-20");
        f.measure("10000", "2027-02-10", "opp-1");
        // Read (and so kept) before the job: the job changes the criterion's state and nothing else.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> scorecardAsOf("2027-02-21")
                .body("criteria[0].state", equalTo("ON_TRACK")));
        String etag = scorecardAsOf("2027-02-21").extract().header("ETag");
        given().auth().oauth2(f.vendorManager).queryParam("asOf", "2027-02-21").header("If-None-Match", etag)
                .get("/api/v1/scorecards/{plan}", f.plan).then().statusCode(304).header("ETag", equalTo(etag))
                .body(org.hamcrest.Matchers.emptyString());
        assertThat(job.closeWindows(LocalDate.parse("2027-02-21"))).isGreaterThanOrEqualTo(1);
        // The copy the client holds is stale now: a full answer with another ETag.
        String changed = given().auth().oauth2(f.vendorManager).queryParam("asOf", "2027-02-21").header("If-None-Match", etag)
                .get("/api/v1/scorecards/{plan}", f.plan).then().statusCode(200)
                .body("criteria[0].state", equalTo("MISSED")).body("criteria[0].actual", equalTo("10000"))
                .extract().header("ETag");
        assertThat(changed).isNotBlank().isNotEqualTo(etag);
        job.closeWindows(LocalDate.parse("2027-02-22"));
        KafkaProbe.awaitRecord(PlanFixture.KPI_TOPIC, Duration.ofSeconds(30),
                r -> r.value().contains(criterion.toString()) && KafkaProbe.header(r, "ce_type").endsWith("criterion.missed.v1"));
        // Decided once, though the job ran again the next day.
        assertThat(criterionEvents("kpi.criterion.missed", Duration.ofSeconds(2))).hasSize(1);
    }

    @Test
    void aDraftPlansMilestoneIsJudgedOnlyOnceThePlanIsAgreed() {
        PlanFixture draft = new PlanFixture().draftPlanWithMop();
        milestoneWithRevenueCriterion(draft, "100000", "2027-02-01", "2027-02-20");
        clock.today(LocalDate.parse("2027-02-21"));
        draft.measure("10000", "2027-02-10", "opp-1");
        job.closeWindows(LocalDate.parse("2027-02-21"));

        // Neither the value nor the passed window decides a proposal nobody has signed.
        assertThat(criterionEvents(Duration.ofSeconds(3))).isEmpty();
        given().auth().oauth2(draft.vendorManager).get("/api/v1/scorecards/{plan}", draft.plan).then()
                .body("criteria[0].state", equalTo("ON_TRACK"));

        draft.planEvent("proposed", "PROPOSED");
        draft.planEvent("agreed", "AGREED");
        ConsumerRecord<String, String> missed = KafkaProbe.awaitRecord(PlanFixture.KPI_TOPIC, Duration.ofSeconds(30),
                r -> r.value().contains(criterion.toString()) && KafkaProbe.header(r, "ce_type").endsWith("criterion.missed.v1"));
        assertThat(missed.value()).contains("\"actual\":\"10000\"");
        draft.planEvent("activated", "ACTIVE"); // already in effect: nothing new
        job.closeWindows(LocalDate.parse("2027-02-22"));
        assertThat(criterionEvents(Duration.ofSeconds(3))).hasSize(1);
    }

    @Test
    void aRenewedPlansOpenCriteriaAreNoLongerJudged() {
        milestoneWithRevenueCriterion("100000", "2027-02-01", "2027-02-20");
        String renewed = f.send(PlanFixture.PLAN_TOPIC, f.plan, "plan.renewed", """
                {"planId":"%s","successorPlanId":"%s","carriedActionIds":[]}""".formatted(f.plan, UUID.randomUUID()));
        await().atMost(Duration.ofSeconds(30)).until(() -> processed("kpi.plan-events", renewed));
        clock.today(LocalDate.parse("2027-02-21"));
        f.measure("10000", "2027-02-10", "opp-1");
        job.closeWindows(LocalDate.parse("2027-02-21"));
        assertThat(criterionEvents(Duration.ofSeconds(3))).isEmpty();
        given().auth().oauth2(f.vendorManager).get("/api/v1/scorecards/{plan}", f.plan).then()
                .body("criteria[0].state", equalTo("ON_TRACK"));
    }

    private List<ConsumerRecord<String, String>> criterionEvents(Duration window) {
        return KafkaProbe.allRecords(PlanFixture.KPI_TOPIC, window, r -> r.value().contains(criterion.toString())
                && KafkaProbe.header(r, "ce_type").startsWith("io.partnerplan.kpi.criterion."));
    }

    @Test
    void aCriterionOnAKpiTheLibraryDoesNotHaveYetIsKeptAndJudgedOnceItsValuesArrive() {
        // plan-service accepts any KPI key: the milestone may come before the tenant admin defines the KPI.
        f.send(PlanFixture.PLAN_TOPIC, f.plan, "milestone.created", """
                {"id":"%s","planId":"%s","title":"Deals registered","dueOn":"2027-04-30","status":"PENDING","criteria":[
                 {"id":"%s","kind":"KPI","kpi":"deals-registered","threshold":"10","windowStart":"2027-02-01","windowEnd":"2027-04-30"}]}"""
                .formatted(milestone, f.plan, criterion));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(f.vendorManager).get("/api/v1/scorecards/{plan}", f.plan).then()
                        .body("criteria[0].criterionId", equalTo(criterion.toString()))
                        .body("criteria[0].state", equalTo("ON_TRACK")));

        given().auth().oauth2(io.partnerplan.platform.testing.DevTokens.token(f.tenant, null, "tenant-admin"))
                .contentType(ContentType.JSON)
                .body(Map.of("key", "deals-registered", "name", "Deals registered", "unit", "COUNT",
                        "direction", "HIGHER_IS_BETTER", "aggregation", "SUM"))
                .post("/api/v1/kpis").then().statusCode(201);
        clock.today(LocalDate.parse("2027-03-01"));
        given().auth().oauth2(f.crm).contentType(ContentType.JSON)
                .body(Map.of("planId", f.plan.toString(), "kpi", "deals-registered", "value", "12",
                        "occurredOn", "2027-02-20", "externalId", "deals-feb"))
                .post("/api/v1/measurements").then().statusCode(201);
        KafkaProbe.awaitRecord(PlanFixture.KPI_TOPIC, Duration.ofSeconds(30),
                r -> r.value().contains(criterion.toString()) && KafkaProbe.header(r, "ce_type").endsWith("criterion.met.v1"));
    }

    private io.restassured.response.ValidatableResponse scorecardAsOf(String day) {
        return given().auth().oauth2(f.vendorManager).queryParam("asOf", day).get("/api/v1/scorecards/{plan}", f.plan)
                .then().statusCode(200);
    }

    /** Whether kpi-service's calendar consumer has handled the event (its effects committed with the record). */
    private boolean processed(String eventId) throws Exception {
        return processed("kpi.calendar-events", eventId);
    }

    private boolean processed(String consumer, String eventId) throws Exception {
        try (var connection = db.getConnection(); var statement = connection.prepareStatement(
                "select count(*) from processed_event where consumer = ? and event_id = ?")) {
            statement.setString(1, consumer);
            statement.setString(2, eventId);
            var rs = statement.executeQuery();
            rs.next();
            return rs.getLong(1) == 1;
        }
    }
}
