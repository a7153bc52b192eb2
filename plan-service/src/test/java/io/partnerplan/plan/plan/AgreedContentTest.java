package io.partnerplan.plan.plan;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

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
import io.restassured.response.ValidatableResponse;

/** Once signed, what was agreed changes only through an amendment; execution stays direct; only signers sign. */
@QuarkusTest
class AgreedContentTest {

    private static Map<String, Object> kpiCriterion(String id, String threshold) {
        Map<String, Object> c = new java.util.HashMap<>(Map.of("kind", "KPI", "kpi", "revenue", "threshold", threshold,
                "windowStart", "2027-02-01", "windowEnd", "2027-04-30"));
        if (id != null) {
            c.put("id", id);
        }
        return c;
    }

    private static Map<String, Object> checklist(String id, boolean done) {
        Map<String, Object> c = new java.util.HashMap<>(Map.of("kind", "CHECKLIST",
                "items", List.of(Map.of("text", "Joint webinar held", "done", done))));
        if (id != null) {
            c.put("id", id);
        }
        return c;
    }

    private static void refusedAsAgreed(ValidatableResponse answer, UUID plan, String part) {
        answer.statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://partnerplan.io/problems/agreed-content"))
                .body("detail", containsString("POST /api/v1/plans/" + plan + "/amendments"))
                .body("detail", containsString("changes." + part));
    }

    @Test
    void directWritesToAgreedContentAnswer409NamingTheAmendmentWhileExecutionStaysDirect() {
        Fixtures f = Fixtures.newTenant();
        UUID plan = f.draftPlan("FY27");
        String vm = f.vendorManager();
        var milestone = given().auth().oauth2(vm).contentType(ContentType.JSON)
                .body(Map.of("title", "Q1", "dueOn", "2027-04-30",
                        "criteria", List.of(kpiCriterion(null, "500000"), checklist(null, false))))
                .post("/api/v1/plans/{id}/milestones", plan).then().statusCode(201).extract();
        String milestoneId = milestone.path("id");
        String kpiId = milestone.path("criteria[0].id");
        String checklistId = milestone.path("criteria[1].id");
        String investment = given().auth().oauth2(vm).contentType(ContentType.JSON)
                .body(Map.of("title", "Presales engineer", "fundingParty", "VENDOR", "amount", "8000", "currency", "USD",
                        "milestoneId", milestoneId))
                .post("/api/v1/plans/{id}/investments", plan).then().statusCode(201).extract().path("id");
        Map<String, Object> budget = Map.of("title", "Webinars", "fundingParty", "VENDOR", "resourceType", "MARKETING",
                "kind", "MDF", "currency", "USD", "planned", "20000");
        String budgetId = given().auth().oauth2(vm).contentType(ContentType.JSON).body(budget)
                .post("/api/v1/plans/{id}/budgets", plan).then().statusCode(201).extract().path("id");
        ActivePlans.agree(f, plan, true);

        // The plan's header and sections.
        refusedAsAgreed(given().auth().oauth2(vm).contentType(ContentType.JSON).header("If-Match", ActivePlans.etag(vm, plan))
                .body(Map.of("title", "FY27", "horizonStart", "2027-02-01", "horizonEnd", "2029-01-31"))
                .put("/api/v1/plans/{id}", plan).then(), plan, "plan");
        refusedAsAgreed(given().auth().oauth2(f.partnerOwner()).contentType("application/merge-patch+json")
                .header("If-Match", ActivePlans.etag(vm, plan)).body(Map.of("partnerSwot", Map.of("strengths", List.of("x"))))
                .patch("/api/v1/plans/{id}/sections", plan).then(), plan, "sections");
        // A milestone's threshold (500000 -> 1) and a conditional investment's amount (8000 -> 999999).
        String milestoneEtag = given().auth().oauth2(vm).get("/api/v1/plans/{id}/milestones/{m}", plan, milestoneId)
                .then().extract().header("ETag");
        refusedAsAgreed(given().auth().oauth2(f.partnerOwner()).contentType(ContentType.JSON).header("If-Match", milestoneEtag)
                .body(Map.of("title", "Q1", "dueOn", "2027-04-30", "criteria", List.of(kpiCriterion(kpiId, "1"), checklist(checklistId, false))))
                .put("/api/v1/plans/{id}/milestones/{m}", plan, milestoneId).then(), plan, "milestones");
        refusedAsAgreed(given().auth().oauth2(vm).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("title", "Presales engineer", "fundingParty", "VENDOR", "amount", "999999", "currency", "USD",
                        "milestoneId", milestoneId))
                .put("/api/v1/plans/{id}/investments/{i}", plan, investment).then(), plan, "investments");
        refusedAsAgreed(given().auth().oauth2(vm).contentType(ContentType.JSON)
                .body(Map.of("title", "New", "dueOn", "2027-05-30", "criteria", List.of(checklist(null, false))))
                .post("/api/v1/plans/{id}/milestones", plan).then(), plan, "milestones");
        refusedAsAgreed(given().auth().oauth2(vm).contentType(ContentType.JSON)
                .body(Map.of("title", "Grow", "measures", List.of(Map.of("kpi", "revenue", "target", "1")),
                        "periodStart", "2027-02-01", "periodEnd", "2027-04-30"))
                .post("/api/v1/plans/{id}/objectives", plan).then(), plan, "objectives");
        String budgetEtag = given().auth().oauth2(vm).get("/api/v1/plans/{id}/budgets/{b}", plan, budgetId).then().extract().header("ETag");
        Map<String, Object> morePlanned = new java.util.HashMap<>(budget);
        morePlanned.put("planned", "99999");
        refusedAsAgreed(given().auth().oauth2(vm).contentType(ContentType.JSON).header("If-Match", budgetEtag).body(morePlanned)
                .put("/api/v1/plans/{id}/budgets/{b}", plan, budgetId).then(), plan, "budgets");

        // Execution: the checklist tick (recorded with who and when) and the budget's actuals.
        given().auth().oauth2(f.partnerOwner()).contentType(ContentType.JSON).header("If-Match", milestoneEtag)
                .body(Map.of("title", "Q1", "dueOn", "2027-04-30", "criteria", List.of(kpiCriterion(kpiId, "500000"), checklist(checklistId, true))))
                .put("/api/v1/plans/{id}/milestones/{m}", plan, milestoneId).then().statusCode(200)
                .body("criteria[0].threshold", equalTo("500000"))
                .body("criteria[1].items[0].done", equalTo(true))
                .body("criteria[1].items[0].doneBy", equalTo("po@northwind.test"))
                .body("criteria[1].items[0].doneAt", notNullValue());
        Map<String, Object> spent = new java.util.HashMap<>(budget);
        spent.put("committed", "5000");
        spent.put("spent", "1200");
        given().auth().oauth2(vm).contentType(ContentType.JSON).header("If-Match", budgetEtag).body(spent)
                .put("/api/v1/plans/{id}/budgets/{b}", plan, budgetId).then().statusCode(200).body("spent", equalTo("1200"));

        // Nothing agreed moved.
        given().auth().oauth2(vm).get("/api/v1/plans/{id}/investments", plan).then().body("[0].amount", equalTo("8000"));
        given().auth().oauth2(vm).get("/api/v1/plans/{id}", plan).then().body("horizonEnd", equalTo("2028-01-31"));
    }

    @Test
    void theOpenApiDocumentClassifiesEveryPlanWrite() {
        var doc = given().accept("application/json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = doc.getMap("paths");
        int classified = 0;
        for (var path : paths.entrySet()) {
            if (!path.getKey().startsWith("/api/v1/plans/{id}")) {
                continue;
            }
            for (var op : path.getValue().entrySet()) {
                if (List.of("post", "put", "patch", "delete").contains(op.getKey())) {
                    String key = op.getKey().toUpperCase() + " " + path.getKey();
                    Object kind = op.getValue().get("x-agreed-plan");
                    org.junit.jupiter.api.Assertions.assertEquals(AgreedContent.classify(key), kind, key);
                    classified++;
                }
            }
        }
        // Every listed direct write exists: the lists name no operation that is gone.
        for (String listed : new java.util.ArrayList<String>() {{
            addAll(AgreedContent.EXECUTION.keySet());
            addAll(AgreedContent.PROCESS.keySet());
        }}) {
            String[] parts = listed.split(" ");
            org.junit.jupiter.api.Assertions.assertNotNull(paths.getOrDefault(parts[1], Map.of()).get(parts[0].toLowerCase()),
                    listed + " is listed in AgreedContent but not an operation");
        }
        org.junit.jupiter.api.Assertions.assertTrue(classified > 25, "classified " + classified);
    }

    @Test
    void onlyMembersHoldingTheirSidesSigningRoleSign() {
        Fixtures f = Fixtures.newTenant();
        UUID plan = f.draftPlan("FY27");
        String otherManager = DevTokens.tokenFor(f.tenant(), f.vendor(), "vm2@contoso.test", Roles.VENDOR_MANAGER);
        String partnerSponsor = DevTokens.tokenFor(f.tenant(), f.partner(), "es@northwind.test", Roles.EXECUTIVE_SPONSOR);
        f.addMember(plan, "es@northwind.test", f.partner(), "executive-sponsor");
        String etag = given().auth().oauth2(f.vendorManager()).header("If-Match", "\"0\"")
                .post("/api/v1/plans/{id}/propose", plan).then().statusCode(200).extract().header("ETag");
        // A vendor manager of the organisation who is not on the plan, and a partner owner who is not either.
        given().auth().oauth2(otherManager).header("If-Match", etag).post("/api/v1/plans/{id}/sign-off", plan).then()
                .statusCode(403).body("detail", containsString("not a member"));
        given().auth().oauth2(f.partnerOwner()).header("If-Match", etag).post("/api/v1/plans/{id}/sign-off", plan).then()
                .statusCode(403);
        // The partner's sponsor is a member, but the signing policy does not name sponsors.
        given().auth().oauth2(partnerSponsor).header("If-Match", etag).post("/api/v1/plans/{id}/sign-off", plan).then()
                .statusCode(403).body("detail", containsString("yours is executive-sponsor"));
        etag = given().auth().oauth2(f.vendorManager()).header("If-Match", etag).post("/api/v1/plans/{id}/sign-off", plan).then()
                .statusCode(200).body("signOffs[0].planVersion", equalTo(Integer.parseInt(etag.replace("\"", ""))))
                .body("status", equalTo("PROPOSED")).extract().header("ETag");

        // With a policy naming sponsors (an edit, so signatures start again) the sponsor signs for the partner.
        etag = given().auth().oauth2(f.vendorManager()).header("If-Match", etag).post("/api/v1/plans/{id}/return-to-draft", plan)
                .then().statusCode(200).extract().header("ETag");
        etag = given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("title", "FY27", "horizonStart", "2027-02-01", "horizonEnd", "2028-01-31", "signingPolicy", "SPONSORS_TOO"))
                .put("/api/v1/plans/{id}", plan).then().statusCode(200).body("signingPolicy", equalTo("SPONSORS_TOO"))
                .extract().header("ETag");
        etag = given().auth().oauth2(f.vendorManager()).header("If-Match", etag).post("/api/v1/plans/{id}/propose", plan).then()
                .statusCode(200).extract().header("ETag");
        etag = given().auth().oauth2(partnerSponsor).header("If-Match", etag).post("/api/v1/plans/{id}/sign-off", plan).then()
                .statusCode(200).body("signOffs[0].signedBy", equalTo("es@northwind.test")).extract().header("ETag");
        given().auth().oauth2(f.vendorManager()).header("If-Match", etag).post("/api/v1/plans/{id}/sign-off", plan).then()
                .statusCode(200).body("status", equalTo("AGREED")).body("signOffs.signedBy", org.hamcrest.Matchers.containsInAnyOrder("es@northwind.test", "vm@contoso.test"));
    }
}
