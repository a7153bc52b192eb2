package io.partnerplan.kpi.attainment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.partnerplan.kpi.PlanFixture;
import io.partnerplan.kpi.scorecard.ScorecardJob;
import io.partnerplan.platform.testing.SettableClock;
import io.partnerplan.platform.security.Roles;
import io.partnerplan.platform.testing.DevTokens;
import io.partnerplan.platform.testing.KafkaProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * A plan's values per KPI and day, kept off the writers' path: the scorecard shows a write at once
 * (before the job folds it), and after it, corrections that move a value to another day or change the
 * value a LAST KPI reports leave each day as its measurements say.
 */
@QuarkusTest
class KpiDaysTest {

    private static final String CHANGED = "io.partnerplan.kpi.scorecard.changed.v1";

    @Inject
    SettableClock clock;

    @Inject
    ScorecardJob summaries;

    private final PlanFixture f = new PlanFixture();

    @BeforeEach
    void planWithALevelKpi() {
        f.activePlanWithMop();
        given().auth().oauth2(DevTokens.token(f.tenant, null, Roles.TENANT_ADMIN)).contentType(ContentType.JSON)
                .body(Map.of("key", "certified", "name", "Certified staff", "unit", "COUNT", "direction", "HIGHER_IS_BETTER",
                        "aggregation", "LAST"))
                .post("/api/v1/kpis").then().statusCode(201);
        clock.today(LocalDate.parse("2027-03-31"));
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private void certified(String value, String on, String externalId, int status) {
        given().auth().oauth2(f.crm).contentType(ContentType.JSON)
                .body(Map.of("planId", f.plan.toString(), "kpi", "certified", "value", value, "occurredOn", on, "externalId", externalId))
                .post("/api/v1/measurements").then().statusCode(status);
    }

    private void correct(String revenue, String on, String externalId) {
        given().auth().oauth2(f.crm).contentType(ContentType.JSON)
                .body(Map.of("planId", f.plan.toString(), "kpi", "revenue", "value", revenue, "currency", "USD",
                        "occurredOn", on, "externalId", externalId))
                .post("/api/v1/measurements").then().statusCode(200).body("outcome", equalTo("corrected"));
    }

    private io.restassured.response.ValidatableResponse scorecard() {
        return given().auth().oauth2(f.vendorManager).queryParam("series", "day").get("/api/v1/scorecards/{plan}", f.plan)
                .then().statusCode(200);
    }

    @Test
    void correctionsMoveValuesBetweenDaysAndTheLastReportedValueOfADayIsItsLevel() {
        f.measure("100", "2027-03-01", "r-1");
        f.measure("50", "2027-03-01", "r-2");
        certified("5", "2027-03-01", "c-1", 201);
        certified("7", "2027-03-01", "c-2", 201);
        // Not folded yet: the scorecard already shows them.
        scorecard().body("kpis.find { it.kpi == 'revenue' }.series.value", contains("150"))
                .body("kpis.find { it.kpi == 'certified' }.series.value", contains("7"));
        assertThat(summaries.announce(f.tenant, f.plan)).isTrue();
        scorecard().body("kpis.find { it.kpi == 'revenue' }.series.value", contains("150"))
                .body("kpis.find { it.kpi == 'certified' }.series.value", contains("7"));

        // Corrections: r-1 moves to 2 March as 70; c-2, the day's last level, moves to 3 March as 9.
        correct("70", "2027-03-02", "r-1");
        certified("9", "2027-03-03", "c-2", 200);
        clock.later(Duration.ofSeconds(1));
        assertThat(summaries.announce(f.tenant, f.plan)).isTrue();
        scorecard().body("kpis.find { it.kpi == 'revenue' }.series.on", contains("2027-03-01", "2027-03-02"))
                .body("kpis.find { it.kpi == 'revenue' }.series.value", contains("50", "70"))
                .body("kpis.find { it.kpi == 'revenue' }.periods[0].actual", equalTo("120"))
                .body("kpis.find { it.kpi == 'certified' }.series.on", contains("2027-03-01", "2027-03-03"))
                .body("kpis.find { it.kpi == 'certified' }.series.value", contains("5", "9"))
                .body("kpis.find { it.kpi == 'certified' }.periods[0].actual", equalTo("9"));

        // Every value of a day corrected away: the day is gone.
        correct("80", "2027-03-02", "r-2");
        clock.later(Duration.ofSeconds(1));
        assertThat(summaries.announce(f.tenant, f.plan)).isTrue();
        scorecard().body("kpis.find { it.kpi == 'revenue' }.series.on", contains("2027-03-02"))
                .body("kpis.find { it.kpi == 'revenue' }.series.value", contains("150"));
    }

    @Test
    void aScorecardReadAgainIsTheKeptOneUntilAnythingItIsComputedFromChanges() {
        f.measure("100", "2027-03-01", "k-1");
        certified("4", "2027-03-01", "c-1", 201);
        java.util.function.Supplier<io.restassured.response.ValidatableResponse> march = () -> given().auth()
                .oauth2(f.vendorManager).queryParam("asOf", "2027-03-31").get("/api/v1/scorecards/{plan}", f.plan)
                .then().statusCode(200);
        march.get().body("kpis.find { it.kpi == 'revenue' }.periods[0].actual", equalTo("100"));
        march.get().body("kpis.find { it.kpi == 'revenue' }.periods[0].actual", equalTo("100"));
        // A value written (not yet folded), then folded by the job.
        f.measure("50", "2027-03-02", "k-2");
        march.get().body("kpis.find { it.kpi == 'revenue' }.periods[0].actual", equalTo("150"));
        assertThat(summaries.announce(f.tenant, f.plan)).isTrue();
        march.get().body("kpis.find { it.kpi == 'revenue' }.periods[0].actual", equalTo("150"))
                .body("kpis.find { it.kpi == 'revenue' }.series.value", contains("150"));
        // A target set.
        f.agreedTargets("revenue", "2027-02-01", "2027-04-30", "300");
        march.get().body("kpis.find { it.kpi == 'revenue' }.periods[0].target", equalTo("300"));
        // A KPI derived from one the plan measures: it joins the scorecard.
        given().auth().oauth2(DevTokens.token(f.tenant, null, Roles.TENANT_ADMIN)).contentType(ContentType.JSON)
                .body(Map.of("key", "certified-pairs", "name", "Certified pairs", "unit", "COUNT", "direction", "HIGHER_IS_BETTER",
                        "formula", "certified / 2"))
                .post("/api/v1/kpis").then().statusCode(201);
        march.get().body("kpis.find { it.kpi == 'certified-pairs' }.periods[0].actual", equalTo("2"));
        // Another day is another scorecard.
        given().auth().oauth2(f.vendorManager).queryParam("asOf", "2027-03-01").get("/api/v1/scorecards/{plan}", f.plan)
                .then().statusCode(200).body("kpis.find { it.kpi == 'revenue' }.periods[0].actual", equalTo("100"));
    }

    @Test
    void aClosedPeriodAndANewDayReannounceTheSummaryWithoutAnyNewValue() throws Exception {
        f.agreedTargets("revenue", "2027-02-01", "2027-04-30", "200000", "2027-05-01", "2027-07-31", "250000");
        f.measure("100000", "2027-03-01", "d-1");
        assertThat(summaries.announce(f.tenant, f.plan)).isTrue();

        // The days pass: the daily refresh marks every active plan, and the figures move to the new day.
        clock.today(LocalDate.parse("2027-04-15"));
        assertThat(summaries.markActivePlans()).isPositive();
        assertThat(summaries.announce(f.tenant, f.plan)).isTrue();
        var midQuarter = KafkaProbe.awaitRecord(PlanFixture.KPI_TOPIC, Duration.ofSeconds(30), r -> f.plan.toString().equals(r.key()) && CHANGED.equals(KafkaProbe.header(r, "ce_type"))
                && r.value().contains("\"asOf\":\"2027-04-15\""));
        // No period has closed yet.
        assertThat(revenue(midQuarter.value()).get("lastClosedPeriod").isNull()).isTrue();

        // The MOP period closes: the plan's summary is announced again.
        clock.today(LocalDate.parse("2027-05-01"));
        f.send(PlanFixture.CALENDAR_TOPIC, f.mop, "period.closed", """
                {"mopId":"%s","vendorOrganisationId":"%s","partnerOrganisationId":"%s","scope":"MOP",
                 "organisationId":null,"label":"MOP Q1 2027","periodEnd":"2027-04-30","daysUntilEnd":-1}"""
                .formatted(f.mop, f.vendor, f.partner));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> summaries.announce(f.tenant, f.plan));
        List<String> closed = KafkaProbe.allRecords(PlanFixture.KPI_TOPIC, Duration.ofSeconds(5), r -> f.plan.toString().equals(r.key()) && CHANGED.equals(KafkaProbe.header(r, "ce_type"))
                && r.value().contains("\"asOf\":\"2027-05-01\"")).stream().map(r -> r.value()).toList();
        assertThat(closed).hasSize(1);
        // The summary's period is the new quarter (nothing in it yet); a review held now snapshots the closed one.
        var revenue = revenue(closed.get(0));
        assertThat(revenue.get("period").asText()).isEqualTo("MOP Q2 2027");
        assertThat(revenue.get("actual").asText()).isEqualTo("0");
        var quarter = revenue.get("lastClosedPeriod");
        assertThat(quarter.get("period").asText()).isEqualTo("MOP Q1 2027");
        assertThat(quarter.get("periodStart").asText()).isEqualTo("2027-02-01");
        assertThat(quarter.get("periodEnd").asText()).isEqualTo("2027-04-30");
        assertThat(quarter.get("target").asText()).isEqualTo("200000");
        assertThat(quarter.get("actual").asText()).isEqualTo("100000");
        assertThat(quarter.get("attainment").asText()).isEqualTo("50");
        assertThat(quarter.get("rag").asText()).isEqualTo("RED");
    }

    /** The revenue KPI of a kpi.scorecard.changed record's data. */
    private static com.fasterxml.jackson.databind.JsonNode revenue(String record) throws Exception {
        var data = new com.fasterxml.jackson.databind.ObjectMapper().readTree(record);
        data = data.has("data") ? data.get("data") : data;
        for (var kpi : data.get("kpis")) {
            if ("revenue".equals(kpi.get("kpi").asText())) {
                return kpi;
            }
        }
        throw new AssertionError("no revenue in " + record);
    }
}
