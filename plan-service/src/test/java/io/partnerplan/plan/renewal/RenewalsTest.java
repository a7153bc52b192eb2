package io.partnerplan.plan.renewal;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.partnerplan.plan.ActivePlans;
import io.partnerplan.plan.Fixtures;
import io.partnerplan.platform.security.Roles;
import io.partnerplan.platform.testing.DevTokens;
import io.partnerplan.platform.testing.KafkaProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Renewal: next period's draft from the active plan, within the renewal window or with a reason; open
 * actions, milestones and investments carried over; the old plan is RENEWED and reviewed until its
 * successor is agreed.
 */
@QuarkusTest
class RenewalsTest {

    @jakarta.inject.Inject
    io.partnerplan.platform.testing.SettableClock clock;

    @org.junit.jupiter.api.AfterEach
    void realTime() {
        clock.reset();
    }

    private static final String PLAN_TOPIC = "partnerplan.plan.events.v1";

    private static String action(Fixtures f, UUID plan, String title, String status, String objective) {
        var body = new java.util.HashMap<String, Object>(Map.of("title", title, "owner", "vm@contoso.test", "dueOn", "2027-06-30",
                "status", status));
        if (objective != null) {
            body.put("objectiveId", objective);
        }
        return given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/plans/{id}/actions", plan).then().statusCode(201).extract().path("id");
    }

    @Test
    void theVendorManagerRenewsAnActivePlanIntoNextPeriodsDraftCarryingOpenActions() {
        Fixtures f = Fixtures.newTenant();
        UUID plan = f.draftPlan("Northwind joint plan");
        given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("jointValueProposition", "Cloud for manufacturers")).put("/api/v1/plans/{id}/sections", plan)
                .then().statusCode(200);
        String objective = given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON)
                .body(Map.of("title", "Grow revenue", "measures", List.of(Map.of("kpi", "revenue", "target", "500000")),
                        "periodStart", "2027-02-01", "periodEnd", "2027-07-31"))
                .post("/api/v1/plans/{id}/objectives", plan).then().statusCode(201).extract().path("id");
        given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON)
                .body(Map.of("title", "Webinars", "fundingParty", "VENDOR", "resourceType", "MARKETING", "kind", "MDF",
                        "currency", "USD", "planned", "50000", "committed", "20000", "spent", "8000"))
                .post("/api/v1/plans/{id}/budgets", plan).then().statusCode(201);
        given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON)
                .body(Map.of("title", "Kick-off", "dueOn", "2027-03-31", "criteria",
                        List.of(Map.of("kind", "CHECKLIST", "items", List.of(Map.of("text", "Held", "done", false))))))
                .post("/api/v1/plans/{id}/milestones", plan).then().statusCode(201);
        ActivePlans.agree(f, plan, true);
        String open = action(f, plan, "Certify engineers", "OPEN", objective);
        String blocked = action(f, plan, "Joint case study", "BLOCKED", null);
        String done = action(f, plan, "Sign reseller agreement", "DONE", null);

        String etag = ActivePlans.etag(f.vendorManager(), plan);
        clock.today(java.time.LocalDate.parse("2027-12-01")); // within the 90 days before the horizon ends on 31 January
        given().auth().oauth2(f.vendorManager()).header("If-Match", "\"0\"").post("/api/v1/plans/{id}/renewal", plan)
                .then().statusCode(412).contentType("application/problem+json");
        given().auth().oauth2(f.partnerOwner()).header("If-Match", etag).post("/api/v1/plans/{id}/renewal", plan)
                .then().statusCode(403);

        var renewed = given().auth().oauth2(f.vendorManager()).header("If-Match", etag).post("/api/v1/plans/{id}/renewal", plan)
                .then().statusCode(201).body("planId", equalTo(plan.toString()))
                .body("carriedActionIds", containsInAnyOrder(open, blocked)).extract();
        UUID successor = UUID.fromString(renewed.path("successorPlanId"));
        assertTrue(renewed.header("Location").endsWith("/api/v1/plans/" + successor));

        given().auth().oauth2(f.partnerOwner()).get("/api/v1/plans/{id}", plan).then().body("status", equalTo("RENEWED"));
        given().auth().oauth2(f.partnerOwner()).get("/api/v1/plans/{id}", successor).then().statusCode(200)
                .body("status", equalTo("DRAFT")).body("title", equalTo("Northwind joint plan"))
                .body("horizonStart", equalTo("2028-02-01")).body("horizonEnd", equalTo("2029-01-31"));
        given().auth().oauth2(f.partnerOwner()).get("/api/v1/plans/{id}/sections", successor).then()
                .body("jointValueProposition", equalTo("Cloud for manufacturers"));
        given().auth().oauth2(f.partnerOwner()).get("/api/v1/plans/{id}/members", successor).then()
                .body("items.subject", containsInAnyOrder("vm@contoso.test", "po@northwind.test"));
        String newObjective = given().auth().oauth2(f.partnerOwner()).get("/api/v1/plans/{id}/objectives", successor).then()
                .body("items", hasSize(1)).body("items[0].periodStart", equalTo("2028-02-01"))
                .body("items[0].periodEnd", equalTo("2028-07-31")).body("items[0].measures[0].target", equalTo("500000"))
                .extract().path("items[0].id");
        given().auth().oauth2(f.partnerOwner()).get("/api/v1/plans/{id}/budgets", successor).then()
                .body("items", hasSize(1)).body("items[0].planned", equalTo("50000"))
                .body("items[0].committed", equalTo("0")).body("items[0].spent", equalTo("0"));
        given().auth().oauth2(f.partnerOwner()).get("/api/v1/plans/{id}/actions", successor).then()
                .body("items.id", containsInAnyOrder(open, blocked))
                .body("items.find { it.id == '" + open + "' }.objectiveId", equalTo(newObjective));
        given().auth().oauth2(f.partnerOwner()).get("/api/v1/plans/{id}/actions", plan).then()
                .body("items.id", equalTo(List.of(done)));
        // The milestone is drafted afresh a year on, its checklist unticked.
        given().auth().oauth2(f.partnerOwner()).get("/api/v1/plans/{id}/milestones", successor).then().body("items", hasSize(1))
                .body("items[0].title", equalTo("Kick-off")).body("items[0].dueOn", equalTo("2028-03-31"))
                .body("items[0].status", equalTo("PENDING")).body("items[0].criteria[0].items[0].done", equalTo(false));
        given().auth().oauth2(f.partnerOwner()).get("/api/v1/plans/{id}/versions", plan).then()
                .body("items.change", hasItem("plan.renewed"));

        var event = KafkaProbe.awaitRecord(PLAN_TOPIC, Duration.ofSeconds(30), r -> "io.partnerplan.plan.renewed.v1"
                .equals(KafkaProbe.header(r, "ce_type")) && r.value().contains(successor.toString()));
        assertEquals(plan.toString(), event.key());
        assertTrue(event.value().contains(open) && event.value().contains(blocked) && !event.value().contains(done), event.value());

        given().auth().oauth2(f.vendorManager()).header("If-Match", "*").post("/api/v1/plans/{id}/renewal", plan)
                .then().statusCode(409);
    }

    @Test
    void badHorizonsAreNamedAndOnlyActivePlansRenew() {
        Fixtures f = Fixtures.newTenant();
        clock.today(java.time.LocalDate.parse("2027-12-01"));
        UUID plan = ActivePlans.active(f, "FY27");
        given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON).header("If-Match", "*")
                .body(Map.of("horizonStart", "2028-02-01", "horizonEnd", "2028-01-01")).post("/api/v1/plans/{id}/renewal", plan)
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("horizonEnd"));
        given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON).header("If-Match", "*")
                .body(Map.of("horizonStart", "2026-01-01")).post("/api/v1/plans/{id}/renewal", plan)
                .then().statusCode(400).body("errors[0].field", equalTo("horizonStart"));
        given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON).header("If-Match", "*")
                .body(Map.of("title", "")).post("/api/v1/plans/{id}/renewal", plan)
                .then().statusCode(400).body("errors[0].field", equalTo("title"));
        given().auth().oauth2(f.vendorManager()).get("/api/v1/plans/{id}", plan).then().body("status", equalTo("ACTIVE"));

        UUID draft = f.draftPlan("Draft");
        given().auth().oauth2(f.vendorManager()).header("If-Match", "*").post("/api/v1/plans/{id}/renewal", draft)
                .then().statusCode(409);
        // A custom horizon and title.
        given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON).header("If-Match", "*")
                .body(Map.of("title", "FY28 H1", "horizonStart", "2028-02-01", "horizonEnd", "2028-07-31"))
                .post("/api/v1/plans/{id}/renewal", plan).then().statusCode(201);
    }

    @Test
    void anotherPartnerOrTenantGets404() {
        Fixtures f = Fixtures.newTenant();
        UUID plan = ActivePlans.active(f, "FY27");
        for (String stranger : new String[] { DevTokens.tokenFor(f.tenant(), UUID.randomUUID(), "vm2@contoso.test", Roles.VENDOR_MANAGER),
                DevTokens.tokenFor("x-" + f.tenant(), f.vendor(), "vm@contoso.test", Roles.VENDOR_MANAGER) }) {
            given().auth().oauth2(stranger).header("If-Match", "*").post("/api/v1/plans/{id}/renewal", plan).then().statusCode(404);
        }
        given().auth().oauth2(f.vendorManager()).get("/api/v1/plans/{id}", plan).then().body("status", equalTo("ACTIVE"));
    }

    @Test
    void beforeTheWindowOnlyWithAReasonCarryingMilestonesAndInvestmentsAndTheOldPlanIsReviewedUntilTheSuccessorIsAgreed() {
        Fixtures f = Fixtures.newTenant();
        UUID plan = f.draftPlan("FY27");
        String milestone = given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON)
                .body(Map.of("title", "Q1 revenue", "dueOn", "2027-04-30", "criteria", List.of(
                        Map.of("kind", "KPI", "kpi", "revenue", "threshold", "200000", "windowStart", "2027-02-01", "windowEnd", "2027-04-30"),
                        Map.of("kind", "CHECKLIST", "items", List.of(Map.of("text", "Webinar held", "done", true))))))
                .post("/api/v1/plans/{id}/milestones", plan).then().statusCode(201).extract().path("id");
        given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON)
                .body(Map.of("title", "Presales engineer", "fundingParty", "VENDOR", "amount", "8000", "currency", "USD",
                        "milestoneId", milestone))
                .post("/api/v1/plans/{id}/investments", plan).then().statusCode(201);
        String withdrawn = given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON)
                .body(Map.of("title", "Trade show", "fundingParty", "VENDOR", "amount", "3000", "currency", "USD",
                        "milestoneId", milestone))
                .post("/api/v1/plans/{id}/investments", plan).then().statusCode(201).extract().path("id");
        given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("title", "Trade show", "fundingParty", "VENDOR", "amount", "3000", "currency", "USD",
                        "milestoneId", milestone, "status", "WITHDRAWN"))
                .put("/api/v1/plans/{id}/investments/{i}", plan, withdrawn).then().statusCode(200);
        ActivePlans.agree(f, plan, true);

        // 1 October 2027: the window (90 days before 31 January 2028) opens on 2 November.
        clock.today(java.time.LocalDate.parse("2027-10-01"));
        given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON).header("If-Match", ActivePlans.etag(f.vendorManager(), plan))
                .body(Map.of("title", "FY28")).post("/api/v1/plans/{id}/renewal", plan).then().statusCode(409)
                .contentType("application/problem+json").body("type", org.hamcrest.Matchers.endsWith("/renewal-window"))
                .body("detail", org.hamcrest.Matchers.containsString("2027-11-02")).body("errors[0].field", equalTo("reason"));
        given().auth().oauth2(f.vendorManager()).get("/api/v1/plans/{id}", plan).then().body("status", equalTo("ACTIVE"));
        var renewed = given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON)
                .header("If-Match", ActivePlans.etag(f.vendorManager(), plan))
                .body(Map.of("title", "FY28", "reason", "  Both sides plan next year before the budget round "))
                .post("/api/v1/plans/{id}/renewal", plan).then().statusCode(201)
                .body("reason", equalTo("Both sides plan next year before the budget round"))
                .body("windowOpensOn", equalTo("2027-11-02"))
                .body("carriedMilestoneIds", hasSize(1)).body("carriedInvestmentIds", hasSize(1)).extract();
        UUID successor = UUID.fromString(renewed.path("successorPlanId"));
        String newMilestone = renewed.path("carriedMilestoneIds[0]");
        given().auth().oauth2(f.partnerOwner()).get("/api/v1/plans/{id}/milestones", successor).then()
                .body("items[0].id", equalTo(newMilestone)).body("items[0].dueOn", equalTo("2028-04-30"))
                .body("items[0].criteria[0].windowStart", equalTo("2028-02-01")).body("items[0].criteria[0].windowEnd", equalTo("2028-04-30"))
                .body("items[0].criteria[0].threshold", equalTo("200000"))
                .body("items[0].criteria[1].items[0].done", equalTo(false));
        given().auth().oauth2(f.partnerOwner()).get("/api/v1/plans/{id}/investments", successor).then()
                .body("", hasSize(1)).body("[0].title", equalTo("Presales engineer")).body("[0].status", equalTo("LOCKED"))
                .body("[0].milestoneId", equalTo(newMilestone)).body("[0].amount", equalTo("8000"));
        var event = KafkaProbe.awaitRecord(PLAN_TOPIC, Duration.ofSeconds(30), r -> "io.partnerplan.plan.renewed.v1"
                .equals(KafkaProbe.header(r, "ce_type")) && r.value().contains(successor.toString()));
        assertTrue(event.value().contains("Both sides plan next year"), event.value());

        // The renewed plan is still the one in force: its review is held while the successor is a draft...
        Map<String, Object> review = Map.of("attendees", List.of("vm@contoso.test"), "notes", "Q3 on track", "heldOn", "2027-10-01");
        given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON).body(review)
                .post("/api/v1/plans/{id}/reviews", plan).then().statusCode(201);
        // ...and no longer once the successor is agreed.
        for (String[] step : new String[][] { { f.vendorManager(), "propose" }, { f.vendorManager(), "sign-off" },
                { f.partnerOwner(), "sign-off" } }) {
            given().auth().oauth2(step[0]).header("If-Match", ActivePlans.etag(step[0], successor))
                    .post("/api/v1/plans/{id}/" + step[1], successor).then().statusCode(200);
        }
        given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON).body(review)
                .post("/api/v1/plans/{id}/reviews", plan).then().statusCode(409);
    }
}
