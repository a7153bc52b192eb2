package io.partnerplan.plan.plan;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.partnerplan.plan.Fixtures;
import io.partnerplan.platform.testing.SettableClock;
import io.partnerplan.platform.security.Roles;
import io.partnerplan.platform.testing.DevTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
class PlanSearchTest {

    @Inject
    SettableClock clock;
    @Inject
    EntityManagerFactory emf;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private static String draft(Fixtures f, UUID partner, String title, String start, String end) {
        return given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON)
                .body(Map.of("partnerOrganisationId", partner.toString(), "title", title, "horizonStart", start, "horizonEnd", end))
                .post("/api/v1/plans").then().statusCode(201).extract().path("id");
    }

    private static void action(Fixtures f, String plan, String due) {
        given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON)
                .body(Map.of("title", "Certify three engineers", "owner", "vm@contoso.test", "dueOn", due))
                .post("/api/v1/plans/{id}/actions", plan).then().statusCode(201);
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }

    @Test
    void plansAreFoundByStatusPartnerOwnerHorizonAndOverdueActionsPageByPage() {
        Fixtures f = Fixtures.newTenant();
        UUID fabrikam = Fixtures.organisation(DevTokens.token(f.tenant(), null, Roles.TENANT_ADMIN), "Fabrikam", "PARTNER");
        String a = draft(f, f.partner(), "Northwind FY27", "2027-02-01", "2028-01-31");
        String b = draft(f, fabrikam, "Fabrikam FY29", "2029-01-01", "2029-12-31");
        String c = draft(f, f.partner(), "Northwind FY28", "2028-02-01", "2029-01-31");
        f.addMember(java.util.UUID.fromString(a), "po@northwind.test", f.partner(), "partner-owner");
        as(f.vendorManager()).header("If-Match", "\"0\"").post("/api/v1/plans/{id}/propose", b).then().statusCode(200);
        action(f, a, "2020-06-30");
        action(f, c, "2027-03-31");

        String cursor = as(f.vendorManager()).queryParam("limit", 2).get("/api/v1/plans").then().statusCode(200)
                .body("items.id", contains(a, b)).body("nextCursor", notNullValue()).extract().path("nextCursor");
        as(f.vendorManager()).queryParam("limit", 2).queryParam("cursor", cursor).get("/api/v1/plans").then()
                .body("items.id", contains(c)).body("nextCursor", nullValue());

        as(f.vendorManager()).queryParam("status", "PROPOSED").get("/api/v1/plans").then().body("items.id", contains(b));
        as(f.vendorManager()).queryParam("status", "draft,proposed").get("/api/v1/plans").then().body("items.id", contains(a, b, c));
        as(f.vendorManager()).queryParam("status", "ACTIVE").queryParam("status", "DRAFT").get("/api/v1/plans").then()
                .body("items.id", contains(a, c));
        as(f.vendorManager()).queryParam("partnerOrganisationId", f.partner().toString()).get("/api/v1/plans").then()
                .body("items.id", contains(a, c));
        as(f.vendorManager()).queryParam("owner", "po@northwind.test").get("/api/v1/plans").then().body("items.id", contains(a));
        as(f.vendorManager()).queryParam("owner", "vm@contoso.test").get("/api/v1/plans").then().body("items.id", contains(a, b, c));
        as(f.vendorManager()).queryParam("horizonFrom", "2028-06-01").queryParam("horizonTo", "2028-12-31").get("/api/v1/plans")
                .then().body("items.id", contains(c));
        as(f.vendorManager()).queryParam("horizonFrom", "2028-01-31").get("/api/v1/plans").then().body("items.id", contains(a, b, c));
        as(f.vendorManager()).queryParam("horizonTo", "2027-02-01").get("/api/v1/plans").then().body("items.id", contains(a));

        // Overdue is measured against the service's clock: c's action falls due on 2027-03-31.
        clock.at(Instant.parse("2027-03-31T12:00:00Z"));
        as(f.vendorManager()).queryParam("hasOverdueActions", "true").get("/api/v1/plans").then().body("items.id", contains(a));
        as(f.vendorManager()).queryParam("hasOverdueActions", "false").get("/api/v1/plans").then().body("items.id", contains(b, c));
        clock.at(Instant.parse("2027-04-01T12:00:00Z"));
        as(f.vendorManager()).queryParam("hasOverdueActions", "true").queryParam("status", "DRAFT").get("/api/v1/plans").then()
                .body("items.id", contains(a, c));

        // A partner's people only ever see their own organisation's plans, whatever they filter by.
        as(f.partnerOwner()).get("/api/v1/plans").then().body("items.id", contains(a, c));
        as(f.partnerOwner()).queryParam("partnerOrganisationId", fabrikam.toString()).get("/api/v1/plans").then()
                .body("items", empty());
        as(DevTokens.tokenFor(f.tenant(), fabrikam, "po@fabrikam.test", Roles.PARTNER_OWNER)).queryParam("status", "PROPOSED")
                .get("/api/v1/plans").then().body("items.id", contains(b));
        as(DevTokens.tokenFor("x-" + f.tenant(), f.vendor(), "vm@contoso.test", Roles.VENDOR_MANAGER)).get("/api/v1/plans")
                .then().body("items", empty());
    }

    @Test
    void plansAreFoundByTitleTextAndSortedPageByPageWithoutLosingTies() {
        Fixtures f = Fixtures.newTenant();
        String a = draft(f, f.partner(), "Cloud migrations FY27", "2027-02-01", "2028-01-31");
        String b = draft(f, f.partner(), "apps 100% partner", "2027-01-01", "2027-12-31");
        String c = draft(f, f.partner(), "Cloud migrations FY27", "2026-06-01", "2027-05-31");
        String d = draft(f, f.partner(), "Security FY27", "2027-01-01", "2027-12-31");

        as(f.vendorManager()).queryParam("q", "CLOUD").get("/api/v1/plans").then().statusCode(200).body("items.id", contains(a, c));
        as(f.vendorManager()).queryParam("q", "100%").get("/api/v1/plans").then().body("items.id", contains(b));
        // Wildcards are literal: "_" matches only an underscore.
        as(f.vendorManager()).queryParam("q", "FY_7").get("/api/v1/plans").then().body("items", empty());

        // Two plans share a title and two a start: the id breaks the tie, and pages of one never skip or repeat a plan.
        assertPages(f, "title", b, a, c, d);
        assertPages(f, "-title", d, c, a, b);
        assertPages(f, "horizonStart", c, b, d, a);
        assertPages(f, "-createdAt", d, c, b, a);
        as(f.vendorManager()).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body(Map.of("title", "Apps FY27", "horizonStart", "2027-01-01", "horizonEnd", "2027-12-31"))
                .put("/api/v1/plans/{id}", b).then().statusCode(200);
        as(f.vendorManager()).queryParam("sort", "-updatedAt").queryParam("limit", 1).get("/api/v1/plans").then()
                .body("items.id", contains(b));

        as(f.vendorManager()).queryParam("sort", "owner").get("/api/v1/plans").then().statusCode(400)
                .body("errors[0].field", equalTo("sort"))
                .body("errors[0].message", equalTo("must be one of " + PlanSort.ALLOWED));
        as(f.vendorManager()).queryParam("q", " ").get("/api/v1/plans").then().statusCode(400).body("errors[0].field", equalTo("q"));
    }

    private static void assertPages(Fixtures f, String sort, String... expected) {
        java.util.List<String> seen = new java.util.ArrayList<>();
        String cursor = null;
        do {
            RequestSpecification request = as(f.vendorManager()).queryParam("sort", sort).queryParam("limit", 1);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.get("/api/v1/plans").then().statusCode(200).extract();
            seen.addAll(page.path("items.id"));
            cursor = page.path("nextCursor");
        } while (cursor != null && seen.size() <= expected.length);
        org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of(expected), seen, "sort=" + sort);
    }

    /** A page of plans costs the same few statements however many plans it holds (no query per plan). */
    @Test
    void aPageOfPlansIsReadInAFixedNumberOfStatements() {
        Fixtures f = Fixtures.newTenant();
        for (int i = 0; i < 25; i++) {
            f.draftPlan("FY27 " + i);
        }
        Statistics stats = emf.unwrap(SessionFactory.class).getStatistics();
        stats.clear();
        as(f.vendorManager()).queryParam("limit", 1).queryParam("owner", "vm@contoso.test").queryParam("hasOverdueActions", "false")
                .get("/api/v1/plans").then().statusCode(200).body("items", org.hamcrest.Matchers.hasSize(1));
        long one = stats.getPrepareStatementCount();
        stats.clear();
        as(f.vendorManager()).queryParam("limit", 25).queryParam("owner", "vm@contoso.test").queryParam("hasOverdueActions", "false")
                .get("/api/v1/plans").then().statusCode(200).body("items", org.hamcrest.Matchers.hasSize(25));
        long many = stats.getPrepareStatementCount();
        // The outbox relay shares the statistics and may poll in between (two or three statements).
        org.junit.jupiter.api.Assertions.assertTrue(many <= one + 3, "25 plans took " + many + " statements, one plan " + one);
    }

    @Test
    void aFilterValueThatCannotBeReadIsNamed() {
        Fixtures f = Fixtures.newTenant();
        Map<String, String> bad = Map.of("status", "LOST", "partnerOrganisationId", "northwind", "horizonFrom", "31-01-2028",
                "horizonTo", "2028-13-01", "hasOverdueActions", "maybe", "owner", " ");
        bad.forEach((param, value) -> as(f.vendorManager()).queryParam(param, value).get("/api/v1/plans").then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo(param)));
        as(f.vendorManager()).queryParam("horizonFrom", "2028-06-01").queryParam("horizonTo", "2028-01-01").get("/api/v1/plans")
                .then().statusCode(400).body("errors[0].field", equalTo("horizonTo"));
    }
}
