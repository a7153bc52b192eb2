package io.partnerplan.kpi.scorecard;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.time.LocalDate;
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

/** The vendor's portfolio across its partners' plans: sorted, filtered, paged, as CSV, and the vendor's only. */
@QuarkusTest
class PortfolioTest {

    @Inject
    SettableClock clock;

    @Inject
    ScorecardJob summaries;

    private final PlanFixture northwind = new PlanFixture();
    private final PlanFixture acme = northwind.sibling("Acme");
    private final PlanFixture zeta = northwind.sibling("Zeta");

    @BeforeEach
    void threePartnersOnTheirWay() {
        clock.today(LocalDate.parse("2027-03-31"));
        // 31 March, 59 of Q1's 89 days: Northwind 150k (75%, forecast 113%: green), Acme 20k (10%: red),
        // Zeta 110k (55%, forecast 83%: amber).
        for (var plan : List.of(Map.entry(northwind, "150000"), Map.entry(acme, "20000"), Map.entry(zeta, "110000"))) {
            PlanFixture f = plan.getKey();
            f.activePlanWithMop();
            f.agreedTargets("revenue", "2027-02-01", "2027-04-30", "200000");
            f.measure(plan.getValue(), "2027-03-01", "pf-" + f.plan);
        }
        // The portfolio shows the summaries the job computed after the writes.
        for (PlanFixture f : List.of(northwind, acme, zeta)) {
            summaries.announce(f.tenant, f.plan);
        }
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private io.restassured.response.ValidatableResponse portfolio(String token, Map<String, ?> params) {
        return given().auth().oauth2(token).queryParams(params).get("/api/v1/scorecards/portfolio").then();
    }

    @Test
    void oneRowPerPlanAndKpiSortedByAttainmentOrPartnerFilteredByRagAndPaged() {
        String vm = northwind.vendorManager;
        portfolio(vm, Map.of()).statusCode(200).body("items.partnerName", contains("Acme", "Northwind", "Zeta"))
                .body("items[1].kpi", equalTo("revenue")).body("items[1].planId", equalTo(northwind.plan.toString()))
                .body("items[1].period", equalTo("MOP Q1 2027")).body("items[1].target", equalTo("200000"))
                .body("items[1].actual", equalTo("150000")).body("items[1].attainment", equalTo("75"))
                .body("items[1].rag", equalTo("GREEN")).body("items[1].asOf", equalTo("2027-03-31"));
        portfolio(vm, Map.of("sort", "-partner")).body("items.partnerName", contains("Zeta", "Northwind", "Acme"));
        portfolio(vm, Map.of("sort", "-attainment")).body("items.attainment", contains("75", "55", "10"));
        portfolio(vm, Map.of("rag", List.of("RED", "AMBER"), "sort", "attainment")).body("items.partnerName", contains("Acme", "Zeta"));
        portfolio(vm, Map.of("kpi", "pipeline")).body("items", hasSize(0));

        String next = portfolio(vm, Map.of("sort", "attainment", "limit", 2)).statusCode(200)
                .body("items.partnerName", contains("Acme", "Zeta")).extract().path("nextCursor");
        portfolio(vm, Map.of("sort", "attainment", "limit", 2, "cursor", next)).body("items.partnerName", contains("Northwind"))
                .body("nextCursor", nullValue());

        portfolio(vm, Map.of("sort", "colour")).statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("sort"));
        portfolio(vm, Map.of("rag", "PINK")).statusCode(400).body("errors[0].field", equalTo("rag"));
    }

    @Test
    void theSameViewDownloadsAsCsv() {
        String csv = given().auth().oauth2(northwind.vendorManager).accept("text/csv").queryParam("sort", "-attainment")
                .get("/api/v1/scorecards/portfolio").then().statusCode(200).contentType("text/csv").extract().asString();
        List<String> lines = csv.lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).startsWith("partnerName,partnerOrganisationId,planId,planTitle,kpi,");
        assertThat(lines.get(1)).startsWith("Northwind,").contains(",revenue,", ",150000,", ",GREEN,", "2027-03-31");
        assertThat(lines.get(3)).startsWith("Acme,").contains(",RED,");
    }

    @Test
    void partnersAndOtherVendorsOrTenantsSeeNoneOfIt() {
        // A partner's users: by role, and a partner-side viewer by organisation.
        portfolio(northwind.partnerOwner, Map.of()).statusCode(403);
        portfolio(DevTokens.token(northwind.tenant, northwind.partner, Roles.VIEWER), Map.of()).statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(DevTokens.token(northwind.tenant, northwind.partner, Roles.VIEWER)).accept("text/csv")
                .get("/api/v1/scorecards/portfolio").then().statusCode(403);
        // Another vendor of the tenant, and the same vendor id under another tenant: nothing.
        portfolio(DevTokens.token(northwind.tenant, UUID.randomUUID(), Roles.VENDOR_MANAGER), Map.of()).statusCode(200)
                .body("items", hasSize(0));
        portfolio(DevTokens.token("x-" + northwind.tenant, northwind.vendor, Roles.VENDOR_MANAGER), Map.of()).statusCode(200)
                .body("items", hasSize(0));
        // The vendor's executive sponsor sees it all.
        portfolio(DevTokens.token(northwind.tenant, northwind.vendor, Roles.EXECUTIVE_SPONSOR), Map.of()).statusCode(200)
                .body("items", hasSize(3));
    }
}
