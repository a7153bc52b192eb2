package io.partnerplan.plan.objective;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.partnerplan.plan.ActivePlans;
import io.partnerplan.plan.Fixtures;
import io.partnerplan.platform.security.Roles;
import io.partnerplan.platform.testing.DevTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Objectives and budgets: free while drafting, every change a plan version; once agreed, only actuals move directly. */
@QuarkusTest
class ObjectivesAndBudgetsTest {

    static Map<String, Object> objective(String target) {
        return Map.of("title", "Grow cloud revenue in EMEA",
                "measures", List.of(Map.of("kpi", "revenue", "target", target), Map.of("kpi", "deals-closed", "target", "40")),
                "periodStart", "2027-02-01", "periodEnd", "2027-07-31");
    }

    static Map<String, Object> budget(String planned, String committed, String spent) {
        Map<String, Object> b = new HashMap<>(Map.of("title", "Webinar series", "fundingParty", "VENDOR",
                "resourceType", "MARKETING", "kind", "MDF", "currency", "EUR", "planned", planned));
        if (committed != null) {
            b.put("committed", committed);
        }
        if (spent != null) {
            b.put("spent", spent);
        }
        return b;
    }

    @Test
    void whileDraftingObjectivesAndBudgetsChangeFreelyAndEveryChangeIsAVersionActionsLinkToObjectives() {
        Fixtures f = Fixtures.newTenant();
        UUID plan = f.draftPlan("FY27");
        var created = given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON).body(objective("500000.00"))
                .post("/api/v1/plans/{id}/objectives", plan).then().statusCode(201).header("ETag", "\"0\"")
                .body("measures[0].target", equalTo("500000")).body("measures[1].kpi", equalTo("deals-closed")).extract();
        String objective = created.path("id");
        long before = given().auth().oauth2(f.vendorManager()).get("/api/v1/plans/{id}", plan).then().extract()
                .jsonPath().getLong("version");

        given().auth().oauth2(f.partnerOwner()).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(objective("650000"))
                .put("/api/v1/plans/{id}/objectives/{o}", plan, objective).then().statusCode(200).header("ETag", "\"1\"")
                .body("measures[0].target", equalTo("650000"));
        // Someone still holding the first version is refused, and nothing is overwritten.
        given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(objective("1"))
                .put("/api/v1/plans/{id}/objectives/{o}", plan, objective).then().statusCode(412)
                .contentType("application/problem+json");
        given().auth().oauth2(f.vendorManager()).get("/api/v1/plans/{id}/objectives/{o}", plan, objective).then()
                .body("measures[0].target", equalTo("650000"));

        long after = given().auth().oauth2(f.vendorManager()).get("/api/v1/plans/{id}", plan).then().extract()
                .jsonPath().getLong("version");
        given().auth().oauth2(f.vendorManager()).get("/api/v1/plans/{id}/versions/{from}/diff/{to}", plan, before, after).then()
                .statusCode(200).body("changes.path", hasItem("/objectives/0/measures/0/target"))
                .body("changes.find { it.path == '/objectives/0/measures/0/target' }.value", equalTo("650000"));

        String budget = given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON).body(budget("50000", null, null))
                .post("/api/v1/plans/{id}/budgets", plan).then().statusCode(201)
                .body("planned", equalTo("50000")).body("committed", equalTo("0")).body("spent", equalTo("0"))
                .body("kind", equalTo("MDF")).extract().path("id");
        given().auth().oauth2(f.vendorManager()).get("/api/v1/plans/{id}/versions", plan).then()
                .body("items.change", hasItem("budget.created")).body("items.change", hasItem("objective.updated"));
        long latest = given().auth().oauth2(f.vendorManager()).get("/api/v1/plans/{id}", plan).then().extract()
                .jsonPath().getLong("version");
        given().auth().oauth2(f.vendorManager()).get("/api/v1/plans/{id}/versions/{v}", plan, latest).then()
                .body("budgets[0].id", equalTo(budget)).body("budgets[0].planned", equalTo("50000"))
                .body("objectives[0].id", equalTo(objective));

        given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON)
                .body(Map.of("title", "Run the webinars", "owner", "vm@contoso.test", "dueOn", "2027-05-31", "objectiveId", objective))
                .post("/api/v1/plans/{id}/actions", plan).then().statusCode(201).body("objectiveId", equalTo(objective));
        given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON)
                .body(Map.of("title", "Orphan", "owner", "vm@contoso.test", "dueOn", "2027-05-31", "objectiveId", UUID.randomUUID().toString()))
                .post("/api/v1/plans/{id}/actions", plan).then().statusCode(400).body("errors[0].field", equalTo("objectiveId"));

        given().auth().oauth2(f.vendorManager()).header("If-Match", "\"1\"")
                .delete("/api/v1/plans/{id}/objectives/{o}", plan, objective).then().statusCode(204);
        given().auth().oauth2(f.vendorManager()).get("/api/v1/plans/{id}/actions", plan).then()
                .body("items[0].objectiveId", nullValue());
    }

    @Test
    void onAnAgreedPlanOnlyCommittedAndSpentChangeDirectly() {
        Fixtures f = Fixtures.newTenant();
        UUID plan = f.draftPlan("FY27");
        String objective = given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON).body(objective("500000"))
                .post("/api/v1/plans/{id}/objectives", plan).then().statusCode(201).extract().path("id");
        String budget = given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON).body(budget("50000", null, null))
                .post("/api/v1/plans/{id}/budgets", plan).then().statusCode(201).extract().path("id");
        ActivePlans.agree(f, plan, true);

        given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON).header("If-Match", "*").body(objective("1"))
                .put("/api/v1/plans/{id}/objectives/{o}", plan, objective).then().statusCode(409)
                .contentType("application/problem+json");
        given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON).body(objective("1"))
                .post("/api/v1/plans/{id}/objectives", plan).then().statusCode(409);
        given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON).body(budget("1", null, null))
                .post("/api/v1/plans/{id}/budgets", plan).then().statusCode(409);
        given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(budget("80000", "20000", "5000")).put("/api/v1/plans/{id}/budgets/{b}", plan, budget).then().statusCode(409);
        given().auth().oauth2(f.partnerOwner()).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(budget("50000.00", "20000", "5000.5")).put("/api/v1/plans/{id}/budgets/{b}", plan, budget).then()
                .statusCode(200).header("ETag", "\"1\"").body("committed", equalTo("20000")).body("spent", equalTo("5000.5"))
                .body("planned", equalTo("50000"));
        given().auth().oauth2(f.partnerOwner()).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(budget("50000", "30000", "5000")).put("/api/v1/plans/{id}/budgets/{b}", plan, budget).then().statusCode(412);
    }

    @Test
    void badInputIsNamedByField() {
        Fixtures f = Fixtures.newTenant();
        UUID plan = f.draftPlan("FY27");
        Map<String, Object> noMeasures = new HashMap<>(objective("1"));
        noMeasures.put("measures", List.of());
        given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON).body(noMeasures)
                .post("/api/v1/plans/{id}/objectives", plan).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("measures"));
        given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON).body(objective("lots"))
                .post("/api/v1/plans/{id}/objectives", plan).then().statusCode(400).body("errors[0].field", equalTo("measures[0].target"));
        Map<String, Object> late = new HashMap<>(objective("1"));
        late.put("periodEnd", "2029-01-31");
        given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON).body(late)
                .post("/api/v1/plans/{id}/objectives", plan).then().statusCode(400).body("errors[0].field", equalTo("periodEnd"));
        Map<String, Object> twice = new HashMap<>(objective("1"));
        twice.put("measures", List.of(Map.of("kpi", "revenue", "target", "1"), Map.of("kpi", "revenue", "target", "2")));
        given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON).body(twice)
                .post("/api/v1/plans/{id}/objectives", plan).then().statusCode(400).body("errors[0].field", equalTo("measures[1].kpi"));

        Map<String, Object> badCurrency = budget("1", null, null);
        badCurrency.put("currency", "XYZ");
        given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON).body(badCurrency)
                .post("/api/v1/plans/{id}/budgets", plan).then().statusCode(400).body("errors[0].field", equalTo("currency"));
        Map<String, Object> partnerMdf = budget("1", null, null);
        partnerMdf.put("fundingParty", "PARTNER");
        given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON).body(partnerMdf)
                .post("/api/v1/plans/{id}/budgets", plan).then().statusCode(400).body("errors[0].field", equalTo("fundingParty"));
        given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON).body(budget("-5", null, null))
                .post("/api/v1/plans/{id}/budgets", plan).then().statusCode(400).body("errors[0].field", equalTo("planned"));
        Map<String, Object> unknownType = budget("1", null, null);
        unknownType.put("resourceType", "CATERING");
        given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON).body(unknownType)
                .post("/api/v1/plans/{id}/budgets", plan).then().statusCode(400).body("errors[0].field", equalTo("resourceType"));
        given().auth().oauth2(f.vendorManager()).get("/api/v1/plans/{id}/objectives", plan).then().body("items", hasSize(0));
        given().auth().oauth2(f.vendorManager()).get("/api/v1/plans/{id}/budgets", plan).then().body("items", hasSize(0));
    }

    @Test
    void anotherPartnerOrTenantGets404() {
        Fixtures f = Fixtures.newTenant();
        UUID plan = f.draftPlan("FY27");
        String objective = given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON).body(objective("1"))
                .post("/api/v1/plans/{id}/objectives", plan).then().statusCode(201).extract().path("id");
        String budget = given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON).body(budget("1", null, null))
                .post("/api/v1/plans/{id}/budgets", plan).then().statusCode(201).extract().path("id");
        for (String stranger : new String[] { DevTokens.token(f.tenant(), UUID.randomUUID(), Roles.PARTNER_OWNER),
                DevTokens.token("x-" + f.tenant(), f.partner(), Roles.PARTNER_OWNER) }) {
            given().auth().oauth2(stranger).get("/api/v1/plans/{id}/objectives", plan).then().statusCode(404);
            given().auth().oauth2(stranger).get("/api/v1/plans/{id}/objectives/{o}", plan, objective).then().statusCode(404);
            given().auth().oauth2(stranger).contentType(ContentType.JSON).body(objective("1"))
                    .post("/api/v1/plans/{id}/objectives", plan).then().statusCode(404);
            given().auth().oauth2(stranger).contentType(ContentType.JSON).header("If-Match", "*").body(objective("1"))
                    .put("/api/v1/plans/{id}/objectives/{o}", plan, objective).then().statusCode(404);
            given().auth().oauth2(stranger).header("If-Match", "*")
                    .delete("/api/v1/plans/{id}/objectives/{o}", plan, objective).then().statusCode(404);
            given().auth().oauth2(stranger).get("/api/v1/plans/{id}/budgets", plan).then().statusCode(404);
            given().auth().oauth2(stranger).get("/api/v1/plans/{id}/budgets/{b}", plan, budget).then().statusCode(404);
            given().auth().oauth2(stranger).contentType(ContentType.JSON).header("If-Match", "*").body(budget("1", null, null))
                    .put("/api/v1/plans/{id}/budgets/{b}", plan, budget).then().statusCode(404);
            given().auth().oauth2(stranger).header("If-Match", "*")
                    .delete("/api/v1/plans/{id}/budgets/{b}", plan, budget).then().statusCode(404);
        }
    }
}
