package io.partnerplan.plan.template;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.partnerplan.plan.Fixtures;
import io.partnerplan.platform.security.Roles;
import io.partnerplan.platform.testing.DevTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Issue 22: templates marked for tiers and partner types; a new plan with a partner starts from the matching one. */
@QuarkusTest
class TemplatesForTiersTest {

    /** A template holding one objective titled {@code objective}. */
    private static String template(Fixtures f, String objective) {
        UUID plan = f.draftPlan("Source of " + objective);
        given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON)
                .body(Map.of("title", objective, "measures", List.of(Map.of("kpi", "revenue", "target", "500000")),
                        "periodStart", "2027-02-01", "periodEnd", "2027-07-31"))
                .post("/api/v1/plans/{id}/objectives", plan).then().statusCode(201);
        return given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON)
                .body(Map.of("name", objective + " playbook", "planId", plan.toString()))
                .post("/api/v1/templates").then().statusCode(201).extract().path("id");
    }

    private static void mark(Fixtures f, String template, List<String> tiers, List<String> types) {
        given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("tiers", tiers, "partnerTypes", types))
                .put("/api/v1/templates/{t}/audience", template).then().statusCode(200).header("ETag", "\"1\"")
                .body("audience.tiers", equalTo(tiers)).body("audience.partnerTypes", equalTo(types));
    }

    private static Map<String, Object> plan(UUID partner, Map<String, Object> extra) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("partnerOrganisationId", partner.toString(), "title", "FY28",
                "horizonStart", "2028-02-01", "horizonEnd", "2029-01-31"));
        body.putAll(extra);
        return body;
    }

    private static String objectiveOf(Fixtures f, String plan) {
        return given().auth().oauth2(f.vendorManager()).get("/api/v1/plans/{id}/objectives", plan).then().statusCode(200)
                .extract().path("items[0].title");
    }

    @Test
    void aNewPlanWithAGoldMspStartsFromTheTemplateMarkedForGoldMspsUnlessAnotherOrNoneIsNamed() {
        Fixtures f = Fixtures.newTenant();
        String programme = given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON)
                .body(Map.of("name", "Partner Network", "tiers", List.of(Map.of("code", "SILVER", "name", "Silver"),
                        Map.of("code", "GOLD", "name", "Gold"))))
                .post("/api/v1/programmes").then().statusCode(201).extract().path("id");
        String gold = template(f, "Gold growth");
        String goldMsp = template(f, "Managed services");
        String resellers = template(f, "Resell");
        String unmarked = template(f, "Plain");
        mark(f, gold, List.of("GOLD"), List.of());
        mark(f, goldMsp, List.of("GOLD"), List.of("MSP"));
        mark(f, resellers, List.of(), List.of("RESELLER"));
        given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("tiers", List.of("DIAMOND", "GOLD", "GOLD"), "partnerTypes", List.of()))
                .put("/api/v1/templates/{t}/audience", unmarked).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("tiers[0]", "tiers[2]")));

        String admin = DevTokens.token(f.tenant(), null, Roles.TENANT_ADMIN);
        UUID contosoMsp = UUID.fromString(given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("name", "Managed Co", "kind", "PARTNER", "timeZone", "UTC",
                        "partnerProfile", Map.of("programmeId", programme, "tier", "GOLD", "partnerType", "MSP")))
                .post("/api/v1/organisations").then().statusCode(201).extract().path("id"));

        String fromMatch = given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON).body(plan(contosoMsp, Map.of()))
                .post("/api/v1/plans").then().statusCode(201).body("templateId", equalTo(goldMsp)).extract().path("id");
        org.junit.jupiter.api.Assertions.assertEquals("Managed services", objectiveOf(f, fromMatch));

        String named = given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON)
                .body(plan(contosoMsp, Map.of("templateId", unmarked)))
                .post("/api/v1/plans").then().statusCode(201).body("templateId", equalTo(unmarked)).extract().path("id");
        org.junit.jupiter.api.Assertions.assertEquals("Plain", objectiveOf(f, named));

        String blank = given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON)
                .body(plan(contosoMsp, Map.of("useMatchingTemplate", false)))
                .post("/api/v1/plans").then().statusCode(201).body("templateId", nullValue()).extract().path("id");
        given().auth().oauth2(f.vendorManager()).get("/api/v1/plans/{id}/objectives", blank).then().body("items", hasSize(0));

        // Northwind has no profile: a blank plan, as before.
        given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON).body(plan(f.partner(), Map.of()))
                .post("/api/v1/plans").then().statusCode(201).body("templateId", nullValue());

        // Another tenant's template, or none at all, is named as the field.
        Fixtures other = Fixtures.newTenant();
        String theirs = template(other, "Theirs");
        given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON).body(plan(contosoMsp, Map.of("templateId", theirs)))
                .post("/api/v1/plans").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("templateId"));

        // The partner reads a shared template without its marking.
        given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(Map.of("allPartners", true)).put("/api/v1/templates/{t}/sharing", goldMsp).then().statusCode(200);
        given().auth().oauth2(DevTokens.token(f.tenant(), contosoMsp, Roles.PARTNER_OWNER)).get("/api/v1/templates/{t}", goldMsp)
                .then().statusCode(200).body("audience", nullValue());
        given().auth().oauth2(DevTokens.token(f.tenant(), contosoMsp, Roles.PARTNER_OWNER)).contentType(ContentType.JSON)
                .header("If-Match", "\"2\"").body(Map.of("tiers", List.of(), "partnerTypes", List.of()))
                .put("/api/v1/templates/{t}/audience", goldMsp).then().statusCode(403);
    }
}
