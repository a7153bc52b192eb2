package io.partnerplan.kpi.scorecard;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.partnerplan.kpi.PlanFixture;
import io.partnerplan.platform.testing.SettableClock;
import io.partnerplan.platform.testing.KafkaProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * kpi.scorecard.changed on the real broker: after changes of a plan's measurements, targets or periods,
 * one summary for all the changes since the last (at most one per plan per spacing), carrying each KPI
 * in its current period. The tests run the job themselves and move the clock past the spacing. Each
 * phase runs on its own day, so the events of a phase are told apart by their asOf.
 */
@QuarkusTest
class ScorecardChangedTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TYPE = "io.partnerplan.kpi.scorecard.changed.v1";

    @Inject
    SettableClock clock;

    @Inject
    ScorecardJob summaries;

    private final PlanFixture f = new PlanFixture();

    @BeforeEach
    void activePlan() {
        f.activePlanWithMop();
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private List<JsonNode> changedOn(String asOf, Duration window) {
        return KafkaProbe.allRecords(PlanFixture.KPI_TOPIC, window, r -> f.plan.toString().equals(r.key())
                        && TYPE.equals(KafkaProbe.header(r, "ce_type")) && r.value().contains("\"asOf\":\"" + asOf + "\""))
                .stream().map(ConsumerRecord::value).map(ScorecardChangedTest::json).toList();
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new AssertionError(text, e);
        }
    }

    @Test
    void changesAreAnnouncedTogetherAtMostOncePerSpacingWithTheFiguresAfterAllOfThem() {
        clock.today(LocalDate.parse("2027-03-31"));
        f.measure("100000", "2027-02-15", "sc-1");
        assertThat(summaries.announce(f.tenant, f.plan)).isTrue();
        f.measure("50000", "2027-03-20", "sc-2");
        f.agreedTargets("revenue", "2027-02-01", "2027-04-30", "200000");
        // Within the spacing of the first announcement: nothing yet, and the changes are kept for later.
        assertThat(summaries.announce(f.tenant, f.plan)).isFalse();
        clock.later(Duration.ofSeconds(1));
        assertThat(summaries.announce(f.tenant, f.plan)).isTrue();
        // The same value again is a duplicate: nothing changed, nothing announced.
        given().auth().oauth2(f.crm).contentType(ContentType.JSON)
                .body(Map.of("planId", f.plan.toString(), "kpi", "revenue", "value", "50000", "currency", "USD",
                        "occurredOn", "2027-03-20", "externalId", "sc-2"))
                .post("/api/v1/measurements").then().statusCode(200);
        clock.later(Duration.ofSeconds(1));
        assertThat(summaries.announce(f.tenant, f.plan)).isFalse();

        List<JsonNode> events = changedOn("2027-03-31", Duration.ofSeconds(5));
        assertThat(events).hasSize(2);
        JsonNode last = events.get(1);
        assertThat(last.get("planId").asText()).isEqualTo(f.plan.toString());
        assertThat(last.get("computedAt").asText()).isNotBlank();
        JsonNode revenue = last.get("kpis").get(0);
        assertThat(revenue.get("kpi").asText()).isEqualTo("revenue");
        assertThat(revenue.get("name").asText()).isEqualTo("Revenue");
        assertThat(revenue.get("unit").asText()).isEqualTo("CURRENCY");
        assertThat(revenue.get("currency").asText()).isEqualTo("USD");
        assertThat(revenue.get("period").asText()).isEqualTo("MOP Q1 2027");
        assertThat(revenue.get("periodStart").asText()).isEqualTo("2027-02-01");
        assertThat(revenue.get("periodEnd").asText()).isEqualTo("2027-04-30");
        assertThat(revenue.get("target").asText()).isEqualTo("200000");
        assertThat(revenue.get("actual").asText()).isEqualTo("150000");
        assertThat(revenue.get("attainment").asText()).isEqualTo("75");
        assertThat(revenue.get("forecast").asText()).isEqualTo("226271.1864");
        assertThat(revenue.get("rag").asText()).isEqualTo("GREEN");
        assertThat(revenue.get("trend").isNull()).isTrue();
        // The first one, before the second value and the targets.
        assertThat(events.get(0).get("kpis").get(0).get("actual").asText()).isEqualTo("100000");
        assertThat(events.get(0).get("kpis").get(0).get("target").isNull()).isTrue();
    }

    @Test
    void aBurstOfConcurrentWritesToOnePlanIsOneSummaryWithAllOfThem() throws Exception {
        clock.today(LocalDate.parse("2027-04-01"));
        int writes = 24;
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int n = 0; n < writes; n++) {
                int i = n;
                answers.add(pool.submit(() -> given().auth().oauth2(f.crm).contentType(ContentType.JSON)
                        .body(Map.of("planId", f.plan.toString(), "kpi", "revenue", "value", "10", "currency", "USD",
                                "occurredOn", "2027-03-" + (10 + i % 10), "externalId", "burst-" + i))
                        .post("/api/v1/measurements").then().extract().statusCode()));
            }
            for (var answer : answers) {
                assertThat(answer.get(60, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(201);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(summaries.announce(f.tenant, f.plan)).isTrue();
        // Nothing left to announce: every write's mark was taken by that one summary.
        clock.later(Duration.ofSeconds(1));
        assertThat(summaries.announce(f.tenant, f.plan)).isFalse();

        List<JsonNode> events = changedOn("2027-04-01", Duration.ofSeconds(5));
        assertThat(events).hasSize(1);
        JsonNode revenue = events.get(0).get("kpis").get(0);
        assertThat(revenue.get("period").asText()).isEqualTo("MOP Q1 2027");
        assertThat(revenue.get("actual").asText()).isEqualTo(String.valueOf(10 * writes));
        // The vendor's portfolio row holds the same figures.
        given().auth().oauth2(f.vendorManager).get("/api/v1/scorecards/portfolio").then().statusCode(200)
                .body("items[0].actual", org.hamcrest.Matchers.equalTo(String.valueOf(10 * writes)));
    }

    @Test
    void aBulkUploadIsOneSummaryAndANewlyAgreedMopOne() {
        clock.today(LocalDate.parse("2027-06-30"));
        StringBuilder file = new StringBuilder();
        for (int n = 1; n <= 1200; n++) {
            file.append("""
                    {"planId":"%s","kpi":"revenue","value":"10","currency":"USD","occurredOn":"%s","externalId":"sc-bulk-%d"}
                    """.formatted(f.plan, LocalDate.parse("2027-05-01").plusDays(n % 60), n));
        }
        given().auth().oauth2(f.crm).contentType("application/x-ndjson").body(file.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/measurements/bulk").then().statusCode(200);
        assertThat(summaries.announce(f.tenant, f.plan)).isTrue();
        List<JsonNode> batches = changedOn("2027-06-30", Duration.ofSeconds(5));
        assertThat(batches).hasSize(1);
        assertThat(batches.get(0).get("kpis").get(0).get("period").asText()).isEqualTo("MOP Q2 2027");
        assertThat(batches.get(0).get("kpis").get(0).get("actual").asText()).isEqualTo("12000");

        // The nightly re-send is all duplicates: no announcement.
        clock.today(LocalDate.parse("2027-07-01"));
        given().auth().oauth2(f.crm).contentType("application/x-ndjson").body(file.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/measurements/bulk").then().statusCode(200);
        assertThat(summaries.announce(f.tenant, f.plan)).isFalse();
        // A new MOP agreed for the pair changes the plan's periods: one announcement in the new periods.
        f.send(PlanFixture.CALENDAR_TOPIC, f.mop, "mop.agreed", """
                {"id":"%s","vendorOrganisationId":"%s","partnerOrganisationId":"%s","form":"SHARED_QUARTER_END",
                 "status":"AGREED","horizonStart":"2027-02-01","horizonEnd":"2028-01-31","periods":[
                 {"label":"H1 2027","start":"2027-02-01","end":"2027-07-31"},
                 {"label":"H2 2027","start":"2027-08-01","end":"2028-01-31"}]}""".formatted(f.mop, f.vendor, f.partner));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> summaries.announce(f.tenant, f.plan));
        List<JsonNode> later = changedOn("2027-07-01", Duration.ofSeconds(3));
        assertThat(later).hasSize(1);
        assertThat(later.get(0).get("kpis").get(0).get("period").asText()).isEqualTo("H1 2027");
        assertThat(later.get(0).get("kpis").get(0).get("actual").asText()).isEqualTo("12000");
    }

    @Test
    void theClosedPeriodKeepsTheTargetInForceWhenItEndedWhileTheScorecardFollowsALaterAmendment() {
        // Agreed in March: MOP Q1 (February to April) at 200,000.
        clock.today(LocalDate.parse("2027-03-15"));
        f.agreedTargets("revenue", "2027-02-01", "2027-04-30", "200000", "2027-05-01", "2027-07-31", "250000");
        f.measure("150000", "2027-03-20", "if-1");
        // In May, after Q1 ended, an accepted amendment lowers Q1 to 150,000 and Q2 to 240,000.
        clock.today(LocalDate.parse("2027-05-10"));
        f.agreedTargets("revenue", "2027-02-01", "2027-04-30", "150000", "2027-05-01", "2027-07-31", "240000");
        clock.later(Duration.ofSeconds(1));
        assertThat(summaries.announce(f.tenant, f.plan)).isTrue();

        JsonNode revenue = changedOn("2027-05-10", Duration.ofSeconds(5)).getLast().get("kpis").get(0);
        // The current period follows the amendment...
        assertThat(revenue.get("period").asText()).isEqualTo("MOP Q2 2027");
        assertThat(revenue.get("target").asText()).isEqualTo("240000");
        // ...the period just closed (what the next review looks at) is judged against what was agreed for it then.
        JsonNode closed = revenue.get("lastClosedPeriod");
        assertThat(closed.get("period").asText()).isEqualTo("MOP Q1 2027");
        assertThat(closed.get("target").asText()).isEqualTo("200000");
        assertThat(closed.get("actual").asText()).isEqualTo("150000");
        assertThat(closed.get("attainment").asText()).isEqualTo("75");
        assertThat(closed.get("rag").asText()).isEqualTo("RED");
        // The plan's targets and its scorecard show the amended figure.
        given().auth().oauth2(f.partnerOwner).queryParam("asOf", "2027-05-10").get("/api/v1/scorecards/{plan}", f.plan)
                .then().statusCode(200).body("kpis[0].periods[0].target", org.hamcrest.Matchers.equalTo("150000"));
    }
}
