package io.partnerplan.plan.amendment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
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

/** Amendments: one side proposes a change to the agreed plan, the other accepts (applied as one version) or rejects. */
@QuarkusTest
class AmendmentsTest {

    private static final String PLAN_TOPIC = "partnerplan.plan.events.v1";

    private static Map<String, Object> objective(Object id, String target) {
        Map<String, Object> o = new HashMap<>(Map.of("title", "Grow cloud revenue", "measures",
                List.of(Map.of("kpi", "revenue", "target", target)), "periodStart", "2027-02-01", "periodEnd", "2027-07-31"));
        if (id != null) {
            o.put("id", id);
        }
        return o;
    }

    private static Map<String, Object> budget(Object id, String planned) {
        Map<String, Object> b = new HashMap<>(Map.of("title", "Webinars", "fundingParty", "VENDOR", "resourceType", "MARKETING",
                "kind", "MDF", "currency", "USD", "planned", planned));
        if (id != null) {
            b.put("id", id);
        }
        return b;
    }

    private static Map<String, Object> sections(String valueProposition) {
        return Map.of("jointValueProposition", valueProposition);
    }

    /** An active plan with one objective and one budget (8000 spent), agreed by both sides. */
    private static UUID[] activePlanWithContent(Fixtures f) {
        UUID plan = f.draftPlan("FY27");
        given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON).header("If-Match", ActivePlans.etag(f.vendorManager(), plan))
                .body(sections("Cloud migrations for mid-market manufacturers")).put("/api/v1/plans/{id}/sections", plan)
                .then().statusCode(200);
        UUID objective = UUID.fromString(given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON)
                .body(objective(null, "500000")).post("/api/v1/plans/{id}/objectives", plan).then().statusCode(201).extract().path("id"));
        Map<String, Object> withSpent = budget(null, "50000");
        withSpent.put("spent", "8000");
        UUID budget = UUID.fromString(given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON).body(withSpent)
                .post("/api/v1/plans/{id}/budgets", plan).then().statusCode(201).extract().path("id"));
        ActivePlans.agree(f, plan, true);
        return new UUID[] { plan, objective, budget };
    }

    @Test
    void thePartnerProposesTheVendorAcceptsAndTheChangeIsOneNewVersion() {
        Fixtures f = Fixtures.newTenant();
        UUID[] ids = activePlanWithContent(f);
        UUID plan = ids[0];
        var proposed = given().auth().oauth2(f.partnerOwner()).contentType(ContentType.JSON)
                .body(Map.of("reason", "Webinars outperform events", "changes", Map.of(
                        "sections", sections("Cloud migrations and managed services for mid-market manufacturers"),
                        "objectives", List.of(Map.of("op", "replace", "path", "/" + ids[1] + "/measures/0/target", "value", "650000")),
                        "budgets", Map.of(ids[2].toString(), Map.of("planned", "70000")))))
                .post("/api/v1/plans/{id}/amendments", plan).then().statusCode(201).header("ETag", "\"0\"")
                .body("status", equalTo("PROPOSED")).body("proposedBySide", equalTo("PARTNER"))
                .body("proposedBy", equalTo("po@northwind.test")).extract();
        String amendment = proposed.path("amendmentId");
        long fromVersion = proposed.jsonPath().getLong("fromVersion");
        KafkaProbe.awaitRecord(PLAN_TOPIC, Duration.ofSeconds(30), r -> "io.partnerplan.plan.amendment-proposed.v1"
                .equals(KafkaProbe.header(r, "ce_type")) && r.value().contains(amendment));

        // Nothing applies before the other side accepts; one open amendment at a time.
        given().auth().oauth2(f.vendorManager()).get("/api/v1/plans/{id}/sections", plan).then()
                .body("jointValueProposition", equalTo("Cloud migrations for mid-market manufacturers"));
        given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON)
                .body(Map.of("reason", "Another", "changes", Map.of("sections", sections("x"))))
                .post("/api/v1/plans/{id}/amendments", plan).then().statusCode(409).contentType("application/problem+json");
        // The proposing side cannot accept its own amendment.
        given().auth().oauth2(f.partnerOwner()).header("If-Match", "\"0\"")
                .post("/api/v1/plans/{id}/amendments/{a}/accept", plan, amendment).then().statusCode(403);
        given().auth().oauth2(f.vendorManager()).header("If-Match", "\"7\"")
                .post("/api/v1/plans/{id}/amendments/{a}/accept", plan, amendment).then().statusCode(412);

        var accepted = given().auth().oauth2(f.vendorManager()).header("If-Match", "\"0\"")
                .post("/api/v1/plans/{id}/amendments/{a}/accept", plan, amendment).then().statusCode(200)
                .body("status", equalTo("ACCEPTED")).body("acceptedBy", equalTo("vm@contoso.test")).extract();
        long toVersion = accepted.jsonPath().getLong("toVersion");

        given().auth().oauth2(f.partnerOwner()).get("/api/v1/plans/{id}/sections", plan).then()
                .body("jointValueProposition", equalTo("Cloud migrations and managed services for mid-market manufacturers"));
        given().auth().oauth2(f.partnerOwner()).get("/api/v1/plans/{id}/objectives/{o}", plan, ids[1]).then()
                .body("measures[0].target", equalTo("650000"));
        // The planned amount changed by agreement; what was already spent stays as recorded.
        given().auth().oauth2(f.partnerOwner()).get("/api/v1/plans/{id}/budgets/{b}", plan, ids[2]).then()
                .body("planned", equalTo("70000")).body("spent", equalTo("8000"));
        given().auth().oauth2(f.partnerOwner()).get("/api/v1/plans/{id}", plan).then().body("status", equalTo("ACTIVE"))
                .body("version", equalTo((int) toVersion));
        given().auth().oauth2(f.partnerOwner()).get("/api/v1/plans/{id}/versions/{from}/diff/{to}", plan, fromVersion, toVersion)
                .then().statusCode(200)
                .body("changes.path", hasItem("/sections/jointValueProposition"))
                .body("changes.path", hasItem("/objectives/0/measures/0/target"))
                .body("changes.path", hasItem("/budgets/0/planned"));
        given().auth().oauth2(f.partnerOwner()).get("/api/v1/plans/{id}/versions", plan).then()
                .body("items.change", hasItem("plan.amended"));

        var amended = KafkaProbe.awaitRecord(PLAN_TOPIC, Duration.ofSeconds(30), r -> "io.partnerplan.plan.amended.v1"
                .equals(KafkaProbe.header(r, "ce_type")) && r.value().contains(amendment));
        assertEquals(plan.toString(), amended.key());
        assertTrue(amended.value().contains("\"toVersion\":" + toVersion), amended.value());
        assertTrue(amended.value().contains("\"status\":\"ACCEPTED\""), amended.value());
        given().auth().oauth2(f.vendorManager()).header("If-Match", "*")
                .post("/api/v1/plans/{id}/amendments/{a}/accept", plan, amendment).then().statusCode(409);
    }

    @Test
    void oneAmendmentChangesATargetAMilestoneThresholdAnInvestmentAndTheHorizonAsOneVersion() {
        Fixtures f = Fixtures.newTenant();
        UUID[] ids = activePlanWithContent(f);
        UUID plan = ids[0];
        String vm = f.vendorManager();
        // A milestone and an investment on it, added by a first amendment the partner accepts.
        String added = given().auth().oauth2(vm).contentType(ContentType.JSON)
                .body(Map.of("reason", "Add the Q1 milestone", "changes", Map.of("milestones", Map.of("q1", Map.of(
                        "title", "Q1 revenue", "dueOn", "2027-04-30", "criteria", List.of(Map.of("kind", "KPI", "kpi", "revenue",
                                "threshold", "500000", "windowStart", "2027-02-01", "windowEnd", "2027-04-30")))))))
                .post("/api/v1/plans/{id}/amendments", plan).then().statusCode(201).extract().path("amendmentId");
        given().auth().oauth2(f.partnerOwner()).header("If-Match", "\"0\"")
                .post("/api/v1/plans/{id}/amendments/{a}/accept", plan, added).then().statusCode(200);
        var milestone = given().auth().oauth2(vm).get("/api/v1/plans/{id}/milestones", plan).then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].criteria[0].threshold", equalTo("500000")).extract();
        String milestoneId = milestone.path("items[0].id");
        String withInvestment = given().auth().oauth2(vm).contentType(ContentType.JSON)
                .body(Map.of("reason", "Fund a presales engineer", "changes", Map.of("investments", Map.of("engineer", Map.of(
                        "title", "Presales engineer", "fundingParty", "VENDOR", "amount", "8000", "currency", "USD",
                        "milestoneId", milestoneId)))))
                .post("/api/v1/plans/{id}/amendments", plan).then().statusCode(201).extract().path("amendmentId");
        given().auth().oauth2(f.partnerOwner()).header("If-Match", "\"0\"")
                .post("/api/v1/plans/{id}/amendments/{a}/accept", plan, withInvestment).then().statusCode(200);
        String investment = given().auth().oauth2(vm).get("/api/v1/plans/{id}/investments", plan).then()
                .body("[0].amount", equalTo("8000")).body("[0].status", equalTo("LOCKED")).extract().path("[0].id");

        var proposed = given().auth().oauth2(f.partnerOwner()).contentType(ContentType.JSON)
                .body(Map.of("reason", "Q1 review", "changes", Map.of(
                        "plan", Map.of("horizonEnd", "2028-03-31"),
                        "objectives", List.of(Map.of("op", "replace", "path", "/" + ids[1] + "/measures/0/target", "value", "450000")),
                        "milestones", List.of(Map.of("op", "replace", "path", "/" + milestoneId + "/criteria/0/threshold", "value", "400000")),
                        "investments", Map.of(investment, Map.of("amount", "12000")))))
                .post("/api/v1/plans/{id}/amendments", plan).then().statusCode(201).extract();
        String amendment = proposed.path("amendmentId");
        long from = proposed.jsonPath().getLong("fromVersion");
        long to = given().auth().oauth2(vm).header("If-Match", "\"0\"")
                .post("/api/v1/plans/{id}/amendments/{a}/accept", plan, amendment).then().statusCode(200)
                .extract().jsonPath().getLong("toVersion");
        assertEquals(from + 1, to, "one amendment, one new version");
        given().auth().oauth2(vm).get("/api/v1/plans/{id}/versions/{from}/diff/{to}", plan, from, to).then().statusCode(200)
                .body("changes.path", org.hamcrest.Matchers.containsInAnyOrder("/plan/horizonEnd", "/objectives/0/measures/0/target",
                        "/milestones/0/criteria/0/threshold", "/investments/0/amount"));
        given().auth().oauth2(vm).get("/api/v1/plans/{id}/versions/{v}", plan, to).then().statusCode(200)
                .body("plan.horizonEnd", equalTo("2028-03-31"))
                .body("objectives[0].measures[0].target", equalTo("450000"))
                .body("milestones[0].criteria[0].threshold", equalTo("400000"))
                .body("investments[0].amount", equalTo("12000"))
                .body("budgets[0].planned", equalTo("50000"))
                .body("members.role", hasItem("partner-owner"));
        given().auth().oauth2(vm).get("/api/v1/plans/{id}/milestones/{m}", plan, milestoneId).then()
                .body("criteria[0].threshold", equalTo("400000"));
        // Who accepted and what changed is in the audit trail; objective and budget writes of the draft are there too.
        given().auth().oauth2(vm).get("/api/v1/plans/{id}/audit?limit=100", plan).then().statusCode(200)
                .body("items.change", org.hamcrest.Matchers.hasItems("plan.amended", "objective.created", "budget.created",
                        "milestone.updated", "investment.updated"));
    }

    @Test
    void theOtherSideRejectsWithAReasonAndNothingChanges() {
        Fixtures f = Fixtures.newTenant();
        UUID[] ids = activePlanWithContent(f);
        UUID plan = ids[0];
        String amendment = given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON)
                .body(Map.of("reason", "Cut the webinar budget", "changes", Map.of("budgets", java.util.Collections.singletonMap(
                        ids[2].toString(), null))))
                .post("/api/v1/plans/{id}/amendments", plan).then().statusCode(201).extract().path("amendmentId");
        given().auth().oauth2(f.partnerOwner()).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("reason", " ")).post("/api/v1/plans/{id}/amendments/{a}/reject", plan, amendment).then()
                .statusCode(400).body("errors[0].field", equalTo("reason"));
        // Someone of the partner who is not on the plan may not decide for it, whatever their token says.
        given().auth().oauth2(DevTokens.tokenFor(f.tenant(), f.partner(), "pc@northwind.test", Roles.PARTNER_OWNER))
                .contentType(ContentType.JSON).header("If-Match", "\"0\"").body(Map.of("reason", "No"))
                .post("/api/v1/plans/{id}/amendments/{a}/reject", plan, amendment).then().statusCode(403);
        given().auth().oauth2(f.partnerOwner()).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("reason", "The webinars are already booked")).post("/api/v1/plans/{id}/amendments/{a}/reject", plan, amendment)
                .then().statusCode(200).body("status", equalTo("REJECTED")).body("rejectionReason", equalTo("The webinars are already booked"))
                .body("rejectedBy", equalTo("po@northwind.test"));
        given().auth().oauth2(f.partnerOwner()).get("/api/v1/plans/{id}/budgets", plan).then().body("items", hasSize(1));
        KafkaProbe.awaitRecord(PLAN_TOPIC, Duration.ofSeconds(30), r -> "io.partnerplan.plan.amendment-rejected.v1"
                .equals(KafkaProbe.header(r, "ce_type")) && r.value().contains(amendment) && r.value().contains("already booked"));
        // Decided: a new amendment may be proposed.
        given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON)
                .body(Map.of("reason", "Try again", "changes", Map.of("sections", sections("x"))))
                .post("/api/v1/plans/{id}/amendments", plan).then().statusCode(201);
        given().auth().oauth2(f.vendorManager()).get("/api/v1/plans/{id}/amendments", plan).then().body("items", hasSize(2));
    }

    @Test
    void badProposalsAreNamedByField() {
        Fixtures f = Fixtures.newTenant();
        UUID[] ids = activePlanWithContent(f);
        UUID plan = ids[0];
        given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON)
                .body(Map.of("reason", "Nothing", "changes", Map.of())).post("/api/v1/plans/{id}/amendments", plan).then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("changes"));
        given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON)
                .body(Map.of("changes", Map.of("sections", sections("x")))).post("/api/v1/plans/{id}/amendments", plan).then()
                .statusCode(400).body("errors[0].field", equalTo("reason"));
        given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON)
                .body(Map.of("reason", "r", "changes", Map.of("objectives", List.of(Map.of("op", "replace",
                        "path", "/" + UUID.randomUUID() + "/measures/0/target", "value", "1")))))
                .post("/api/v1/plans/{id}/amendments", plan).then().statusCode(400)
                .body("errors[0].field", equalTo("changes.objectives"));
        given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON)
                .body(Map.of("reason", "r", "changes", Map.of("budgets", Map.of("new-webinars", budget(null, "abc")))))
                .post("/api/v1/plans/{id}/amendments", plan).then().statusCode(400)
                .body("errors[0].field", equalTo("changes.budgets.new-webinars.planned"));
        given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON)
                .body(Map.of("reason", "r", "changes", Map.of("objectives", Map.of(ids[1].toString(), Map.of("periodEnd", "2029-01-01")))))
                .post("/api/v1/plans/{id}/amendments", plan).then().statusCode(400)
                .body("errors[0].field", equalTo("changes.objectives." + ids[1] + ".periodEnd"));
        given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON)
                .body(Map.of("reason", "r", "changes", Map.of("plan", Map.of("horizonEnd", "2020-01-01"))))
                .post("/api/v1/plans/{id}/amendments", plan).then().statusCode(400)
                .body("errors[0].field", equalTo("changes.plan.horizonEnd"));
        Map<String, Object> strategy = Map.of("key", "webinars", "title", "Webinars");
        given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON)
                .body(Map.of("reason", "r", "changes", Map.of("sections", Map.of("marketingPlan", Map.of("strategies", List.of(strategy, strategy))))))
                .post("/api/v1/plans/{id}/amendments", plan).then().statusCode(400)
                .body("errors[0].field", equalTo("changes.sections.marketingPlan.strategies[1].key"));
        // Only members propose; a draft is edited directly.
        given().auth().oauth2(DevTokens.token(f.tenant(), f.vendor(), Roles.VENDOR_MANAGER)).contentType(ContentType.JSON)
                .body(Map.of("reason", "r", "changes", Map.of("sections", sections("x")))).post("/api/v1/plans/{id}/amendments", plan)
                .then().statusCode(403);
        UUID draft = f.draftPlan("Draft");
        given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON)
                .body(Map.of("reason", "r", "changes", Map.of("sections", sections("x")))).post("/api/v1/plans/{id}/amendments", draft)
                .then().statusCode(409);
        given().auth().oauth2(f.vendorManager()).get("/api/v1/plans/{id}/amendments", plan).then().body("items", hasSize(0));
    }

    @Test
    void theProposingSideWithdrawsItsAmendmentAndRenewingThePlanWithdrawsTheOpenOne() {
        Fixtures f = Fixtures.newTenant();
        UUID plan = ActivePlans.active(f, "FY27");
        String first = given().auth().oauth2(f.partnerOwner()).contentType(ContentType.JSON)
                .body(Map.of("reason", "More webinars", "changes", Map.of("sections", sections("x"))))
                .post("/api/v1/plans/{id}/amendments", plan).then().statusCode(201).extract().path("amendmentId");
        // The vendor, asked to decide, cannot withdraw the partner's proposal; a reason is required.
        given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("reason", "No")).post("/api/v1/plans/{id}/amendments/{a}/withdraw", plan, first)
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(f.partnerOwner()).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("reason", "")).post("/api/v1/plans/{id}/amendments/{a}/withdraw", plan, first)
                .then().statusCode(400).body("errors[0].field", equalTo("reason"));
        given().auth().oauth2(f.partnerOwner()).contentType(ContentType.JSON).header("If-Match", "\"3\"")
                .body(Map.of("reason", "Superseded")).post("/api/v1/plans/{id}/amendments/{a}/withdraw", plan, first)
                .then().statusCode(412);
        given().auth().oauth2(f.partnerOwner()).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("reason", "Superseded by the review")).post("/api/v1/plans/{id}/amendments/{a}/withdraw", plan, first)
                .then().statusCode(200).body("status", equalTo("WITHDRAWN")).body("withdrawnBy", equalTo("po@northwind.test"))
                .body("withdrawalReason", equalTo("Superseded by the review"));
        KafkaProbe.awaitRecord(PLAN_TOPIC, Duration.ofSeconds(30), r -> "io.partnerplan.plan.amendment-withdrawn.v1"
                .equals(KafkaProbe.header(r, "ce_type")) && r.value().contains(first));
        // Withdrawn is decided: the vendor can no longer accept it, and a new amendment may be proposed.
        given().auth().oauth2(f.vendorManager()).header("If-Match", "*")
                .post("/api/v1/plans/{id}/amendments/{a}/accept", plan, first).then().statusCode(409);
        String second = given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON)
                .body(Map.of("reason", "Fewer events", "changes", Map.of("sections", sections("y"))))
                .post("/api/v1/plans/{id}/amendments", plan).then().statusCode(201).extract().path("amendmentId");

        // Renewing the plan leaves nobody asked to decide a change to a plan that no longer runs.
        given().auth().oauth2(f.vendorManager()).header("If-Match", ActivePlans.etag(f.vendorManager(), plan))
                .contentType(ContentType.JSON).body(Map.of("reason", "Both sides plan next year early"))
                .post("/api/v1/plans/{id}/renewal", plan).then().statusCode(201);
        given().auth().oauth2(f.partnerOwner()).get("/api/v1/plans/{id}/amendments/{a}", plan, second).then()
                .body("status", equalTo("WITHDRAWN")).body("withdrawnBy", equalTo("vm@contoso.test"))
                .body("withdrawalReason", equalTo("The plan was renewed"));
        KafkaProbe.awaitRecord(PLAN_TOPIC, Duration.ofSeconds(30), r -> "io.partnerplan.plan.amendment-withdrawn.v1"
                .equals(KafkaProbe.header(r, "ce_type")) && r.value().contains(second));
        given().auth().oauth2(f.partnerOwner()).contentType(ContentType.JSON).header("If-Match", "*").body(Map.of("reason", "Agreed"))
                .post("/api/v1/plans/{id}/amendments/{a}/reject", plan, second).then().statusCode(409);
    }

    @Test
    void anotherPartnerOrTenantGets404() {
        Fixtures f = Fixtures.newTenant();
        UUID plan = ActivePlans.active(f, "FY27");
        String amendment = given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON)
                .body(Map.of("reason", "r", "changes", Map.of("sections", sections("x")))).post("/api/v1/plans/{id}/amendments", plan)
                .then().statusCode(201).extract().path("amendmentId");
        for (String stranger : new String[] { DevTokens.token(f.tenant(), UUID.randomUUID(), Roles.PARTNER_OWNER),
                DevTokens.tokenFor("x-" + f.tenant(), f.partner(), "po@northwind.test", Roles.PARTNER_OWNER) }) {
            given().auth().oauth2(stranger).get("/api/v1/plans/{id}/amendments", plan).then().statusCode(404);
            given().auth().oauth2(stranger).get("/api/v1/plans/{id}/amendments/{a}", plan, amendment).then().statusCode(404);
            given().auth().oauth2(stranger).contentType(ContentType.JSON)
                    .body(Map.of("reason", "r", "changes", Map.of("sections", sections("y")))).post("/api/v1/plans/{id}/amendments", plan)
                    .then().statusCode(404);
            given().auth().oauth2(stranger).header("If-Match", "*")
                    .post("/api/v1/plans/{id}/amendments/{a}/accept", plan, amendment).then().statusCode(404);
            given().auth().oauth2(stranger).contentType(ContentType.JSON).header("If-Match", "*").body(Map.of("reason", "no"))
                    .post("/api/v1/plans/{id}/amendments/{a}/reject", plan, amendment).then().statusCode(404);
            given().auth().oauth2(stranger).contentType(ContentType.JSON).header("If-Match", "*").body(Map.of("reason", "no"))
                    .post("/api/v1/plans/{id}/amendments/{a}/withdraw", plan, amendment).then().statusCode(404);
        }
    }
}
