package io.partnerplan.kpi.definition;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.partnerplan.kpi.PlanFixture;
import io.partnerplan.platform.testing.SettableClock;
import io.partnerplan.kpi.scorecard.ScorecardJob;
import io.partnerplan.platform.security.Roles;
import io.partnerplan.platform.testing.DevTokens;
import io.partnerplan.platform.testing.KafkaProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** A derived KPI in motion: milestone criteria judged on its formula, and a formula change re-announcing the plan. */
@QuarkusTest
class DerivedKpiChangesTest {

    @Inject
    SettableClock clock;

    @Inject
    ScorecardJob summaries;

    private final PlanFixture f = new PlanFixture();
    private String admin;
    private String winRate;

    @BeforeEach
    void planWithAWinRate() {
        f.activePlanWithMop();
        admin = DevTokens.token(f.tenant, null, Roles.TENANT_ADMIN);
        for (String key : new String[] {"deals-won", "deals-lost"}) {
            given().auth().oauth2(admin).contentType(ContentType.JSON)
                    .body(Map.of("key", key, "name", key, "unit", "COUNT", "direction", "HIGHER_IS_BETTER", "aggregation", "SUM"))
                    .post("/api/v1/kpis").then().statusCode(201);
        }
        winRate = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("key", "win-rate", "name", "Win rate", "unit", "PERCENT", "direction", "HIGHER_IS_BETTER",
                        "formula", "deals_won / (deals_won + deals_lost) * 100"))
                .post("/api/v1/kpis").then().statusCode(201).extract().path("id");
        clock.today(LocalDate.parse("2027-03-31"));
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private void measure(String kpi, String value, String on) {
        given().auth().oauth2(f.crm).contentType(ContentType.JSON)
                .body(Map.of("planId", f.plan.toString(), "kpi", kpi, "value", value, "occurredOn", on))
                .post("/api/v1/measurements").then().statusCode(201);
    }

    @Test
    void aCriterionOnADerivedKpiIsJudgedOnItsFormulaOverTheWindow() {
        UUID criterion = UUID.randomUUID();
        f.send(PlanFixture.PLAN_TOPIC, f.plan, "milestone.created", """
                {"id":"%s","planId":"%s","title":"Win half","dueOn":"2027-04-30","status":"PENDING","criteria":[
                 {"id":"%s","kind":"KPI","kpi":"win-rate","threshold":"50","windowStart":"2027-02-01","windowEnd":"2027-04-30"}]}"""
                .formatted(UUID.randomUUID(), f.plan, criterion));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(f.vendorManager).get("/api/v1/scorecards/{plan}", f.plan).then()
                        .body("criteria[0].criterionId", equalTo(criterion.toString())));
        measure("deals-won", "2", "2027-03-01");
        measure("deals-lost", "6", "2027-03-02");
        // 2 won of 8: 25%, below the threshold of 50 with the window open.
        KafkaProbe.awaitRecord(PlanFixture.KPI_TOPIC, Duration.ofSeconds(30), r -> r.value().contains(criterion.toString())
                && KafkaProbe.header(r, "ce_type").endsWith("criterion.at-risk.v1"));
        given().auth().oauth2(f.vendorManager).get("/api/v1/scorecards/{plan}", f.plan).then()
                .body("criteria[0].state", equalTo("AT_RISK")).body("criteria[0].actual", equalTo("25"));
        // The period closes below the threshold: missed, on the formula over the whole window.
        clock.today(LocalDate.parse("2027-05-01"));
        f.send(PlanFixture.CALENDAR_TOPIC, f.mop, "period.closed", """
                {"mopId":"%s","vendorOrganisationId":"%s","partnerOrganisationId":"%s","scope":"MOP",
                 "organisationId":null,"label":"MOP Q1 2027","periodEnd":"2027-04-30","daysUntilEnd":-1}"""
                .formatted(f.mop, f.vendor, f.partner));
        KafkaProbe.awaitRecord(PlanFixture.KPI_TOPIC, Duration.ofSeconds(30), r -> r.value().contains(criterion.toString())
                && KafkaProbe.header(r, "ce_type").endsWith("criterion.missed.v1") && r.value().contains("\"actual\":\"25\""));
    }

    @Test
    void aFormulaChangeReannouncesThePlansShowingIt() {
        measure("deals-won", "3", "2027-03-01");
        measure("deals-lost", "1", "2027-03-01");
        assertThat(summaries.announce(f.tenant, f.plan)).isTrue();
        clock.later(Duration.ofSeconds(1));
        assertThat(summaries.announce(f.tenant, f.plan)).isFalse();

        given().auth().oauth2(admin).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("formula", "deals_won / deals_lost * 100"))
                .put("/api/v1/kpis/{id}/formula", winRate).then().statusCode(200);
        assertThat(summaries.announce(f.tenant, f.plan)).isTrue();
        KafkaProbe.awaitRecord(PlanFixture.KPI_TOPIC, Duration.ofSeconds(30), r -> f.plan.toString().equals(r.key())
                && "io.partnerplan.kpi.scorecard.changed.v1".equals(KafkaProbe.header(r, "ce_type"))
                && r.value().contains("\"actual\":\"300\""));
    }
}
