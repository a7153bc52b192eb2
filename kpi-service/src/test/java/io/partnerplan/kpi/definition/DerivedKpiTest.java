package io.partnerplan.kpi.definition;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.HashMap;
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
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Derived KPIs: a formula over other KPIs, checked when defined, computed per period on the scorecard. */
@QuarkusTest
class DerivedKpiTest {

    @Inject
    SettableClock clock;

    private final PlanFixture f = new PlanFixture();
    private String admin;

    @BeforeEach
    void planWithDealCounts() {
        f.activePlanWithMop();
        admin = DevTokens.token(f.tenant, null, Roles.TENANT_ADMIN);
        define(measured("deals-won", "COUNT", null)).statusCode(201);
        define(measured("deals-lost", "COUNT", null)).statusCode(201);
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private static Map<String, Object> measured(String key, String unit, String currency) {
        Map<String, Object> kpi = new HashMap<>(Map.of("key", key, "name", key, "unit", unit, "direction", "HIGHER_IS_BETTER",
                "aggregation", "SUM"));
        if (currency != null) {
            kpi.put("currency", currency);
        }
        return kpi;
    }

    private static Map<String, Object> derived(String key, String unit, String formula) {
        return new HashMap<>(Map.of("key", key, "name", key, "unit", unit, "direction", "HIGHER_IS_BETTER", "formula", formula));
    }

    private ValidatableResponse define(Map<String, Object> kpi) {
        return given().auth().oauth2(admin).contentType(ContentType.JSON).body(kpi).post("/api/v1/kpis").then();
    }

    private void measure(String kpi, String value, String on) {
        given().auth().oauth2(f.crm).contentType(ContentType.JSON)
                .body(Map.of("planId", f.plan.toString(), "kpi", kpi, "value", value, "occurredOn", on))
                .post("/api/v1/measurements").then().statusCode(201);
    }

    @Test
    void badFormulasAreRefusedNamingTheRuleTheyBreak() {
        define(derived("win-rate-x", "PERCENT", "deals_won / deals_closed * 100")).statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("formula"))
                .body("errors[0].message", containsString("names no KPI of your library: deals_closed"));
        define(derived("win-rate-x", "PERCENT", "deals_won / (deals_won +")).statusCode(400)
                .body("errors[0].field", equalTo("formula")).body("errors[0].message", containsString("not a valid formula"));
        define(derived("win-rate-x", "PERCENT", "win_rate_x * 2")).statusCode(400)
                .body("errors[0].message", equalTo("makes a cycle: win-rate-x → win-rate-x"));
        define(derived("win-rate-x", "PERCENT", "42")).statusCode(400)
                .body("errors[0].message", containsString("names no KPI"));
        Map<String, Object> withAggregation = derived("win-rate-x", "PERCENT", "deals_won * 2");
        withAggregation.put("aggregation", "SUM");
        define(withAggregation).statusCode(400).body("errors[0].field", equalTo("aggregation"));
        define(measured("bookings-eur", "CURRENCY", "EUR")).statusCode(201);
        define(measured("bookings-usd", "CURRENCY", "USD")).statusCode(201);
        Map<String, Object> mixed = derived("bookings", "CURRENCY", "bookings_eur + bookings_usd");
        mixed.put("currency", "USD");
        define(mixed).statusCode(400)
                .body("errors[0].message", containsString("mixes currencies (EUR, USD)"));
        Map<String, Object> wrongCurrency = derived("bookings", "CURRENCY", "bookings_usd * 2");
        wrongCurrency.put("currency", "EUR");
        define(wrongCurrency).statusCode(400).body("errors[0].field", equalTo("currency"));
        given().auth().oauth2(admin).get("/api/v1/kpis").then().body("items.key",
                org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("win-rate-x")));
    }

    @Test
    void aFormulaChangeThatWouldCloseACycleThroughAnotherDerivedKpiIsRefused() {
        String ratio = define(derived("win-ratio", "PERCENT", "deals_won / (deals_won + deals_lost) * 100")).statusCode(201)
                .body("formula", equalTo("deals_won / (deals_won + deals_lost) * 100")).body("aggregation", equalTo("LAST"))
                .extract().path("id");
        define(derived("win-index", "RATIO", "win_ratio / 100")).statusCode(201);
        Map<String, String> cyclic = Map.of("formula", "win_index * 100");
        given().auth().oauth2(admin).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(cyclic)
                .put("/api/v1/kpis/{id}/formula", ratio).then().statusCode(400).body("errors[0].field", equalTo("formula"))
                .body("errors[0].message", equalTo("makes a cycle: win-ratio → win-index → win-ratio"));
        Map<String, String> better = Map.of("formula", "deals_won / (deals_won + deals_lost) * 100 + 0");
        given().auth().oauth2(admin).contentType(ContentType.JSON).header("If-Match", "\"3\"").body(better)
                .put("/api/v1/kpis/{id}/formula", ratio).then().statusCode(412);
        given().auth().oauth2(admin).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(better)
                .put("/api/v1/kpis/{id}/formula", ratio).then().statusCode(200).header("ETag", "\"1\"");
        String won = given().auth().oauth2(admin).get("/api/v1/kpis").then().extract()
                .path("items.find { it.key == 'deals-won' }.id");
        given().auth().oauth2(admin).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(better)
                .put("/api/v1/kpis/{id}/formula", won).then().statusCode(409);
        // Another tenant's admin does not see the KPI at all.
        given().auth().oauth2(DevTokens.token("x-" + f.tenant, null, Roles.TENANT_ADMIN)).contentType(ContentType.JSON)
                .header("If-Match", "\"1\"").body(better).put("/api/v1/kpis/{id}/formula", ratio).then().statusCode(404);
    }

    @Test
    void theScorecardComputesADerivedKpiPerPeriodFromItsInputsAndNothingCanBeRecordedToIt() {
        define(derived("win-ratio", "PERCENT", "deals_won / (deals_won + deals_lost) * 100")).statusCode(201);
        given().auth().oauth2(f.crm).contentType(ContentType.JSON)
                .body(Map.of("planId", f.plan.toString(), "kpi", "win-ratio", "value", "50", "occurredOn", "2027-03-01"))
                .post("/api/v1/measurements").then().statusCode(400).body("errors[0].field", equalTo("kpi"))
                .body("errors[0].message", containsString("derived"));
        measure("deals-won", "3", "2027-02-10");
        measure("deals-lost", "1", "2027-03-10");
        f.agreedTargets("win-ratio", "2027-02-01", "2027-04-30", "70", "2027-05-01", "2027-07-31", "70");

        // 31 May: Q1 closed at 3 won of 4 (75%, 107.1% of 70: green); Q2 has no deals yet: 0 / 0 is no value, not an error.
        given().auth().oauth2(f.partnerOwner).queryParam("asOf", "2027-05-31").get("/api/v1/scorecards/{plan}", f.plan)
                .then().statusCode(200)
                .body("kpis.find { it.kpi == 'win-ratio' }.formula", equalTo("deals_won / (deals_won + deals_lost) * 100"))
                .body("kpis.find { it.kpi == 'win-ratio' }.periods[0].actual", equalTo("75"))
                .body("kpis.find { it.kpi == 'win-ratio' }.periods[0].attainment", equalTo("107.1"))
                .body("kpis.find { it.kpi == 'win-ratio' }.periods[0].rag", equalTo("GREEN"))
                .body("kpis.find { it.kpi == 'win-ratio' }.periods[1].actual", nullValue())
                .body("kpis.find { it.kpi == 'win-ratio' }.periods[1].rag", nullValue())
                .body("kpis.find { it.kpi == 'win-ratio' }.series[0].value", equalTo("75"));
        // Another partner of the same tenant sees no scorecard of this plan.
        given().auth().oauth2(DevTokens.token(f.tenant, UUID.randomUUID(), Roles.PARTNER_OWNER))
                .get("/api/v1/scorecards/{plan}", f.plan).then().statusCode(404);
    }
}
