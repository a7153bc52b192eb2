package io.partnerplan.plan.plan;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
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

@QuarkusTest
class PlanSectionsAndVersionsTest {

    private static Map<String, Object> sections(String valueProposition) {
        return Map.of(
                "vendorStatements", Map.of("vision", "Every mid-market firm runs on Contoso Cloud"),
                "partnerStatements", Map.of("vision", "The trusted cloud advisor of the UK mid-market"),
                "partnerSwot", Map.of("strengths", List.of("40 certified engineers"), "weaknesses", List.of("No presence in the North"),
                        "opportunities", List.of("Public sector framework"), "threats", List.of("Price pressure")),
                "alignment", Map.of("synergies", List.of("Both target financial services")),
                "jointValueProposition", valueProposition,
                "targetAudiences", Map.of("industries", List.of("Financial services"), "regions", List.of("UK")),
                "marketingPlan", Map.of("strategies", List.of(Map.of("key", "webinars", "title", "Quarterly webinar series"))),
                "salesPlan", Map.of("strategies", List.of(Map.of("key", "upsell", "title", "Upsell the installed base"))));
    }

    @Test
    void bothSidesWriteSectionsAndEveryVersionIsKeptAndDiffable() {
        Fixtures f = Fixtures.newTenant();
        UUID plan = f.draftPlan("FY27");
        given().auth().oauth2(f.partnerOwner()).get("/api/v1/plans/{id}/sections", plan)
                .then().statusCode(200).header("ETag", "\"0\"").body("jointValueProposition", nullValue());

        // The partner writes its own sections first (the vendor may not), then the vendor everything else.
        Map<String, Object> partnersOwn = Map.of(
                "partnerStatements", Map.of("vision", "The trusted cloud advisor of the UK mid-market"),
                "partnerSwot", Map.of("strengths", List.of("40 certified engineers"), "weaknesses", List.of("No presence in the North"),
                        "opportunities", List.of("Public sector framework"), "threats", List.of("Price pressure")));
        given().auth().oauth2(f.partnerOwner()).contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body(partnersOwn).patch("/api/v1/plans/{id}/sections", plan).then().statusCode(200).header("ETag", "\"1\"");
        given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(sections("Cloud migrations in weeks, not months")).put("/api/v1/plans/{id}/sections", plan)
                .then().statusCode(200).header("ETag", "\"2\"");
        given().auth().oauth2(f.partnerOwner()).contentType(ContentType.JSON).header("If-Match", "\"2\"")
                .body(sections("Cloud migrations in days")).put("/api/v1/plans/{id}/sections", plan)
                .then().statusCode(200).header("ETag", "\"3\"");
        given().auth().oauth2(f.vendorManager()).get("/api/v1/plans/{id}/sections", plan)
                .then().body("jointValueProposition", equalTo("Cloud migrations in days"))
                .body("partnerSwot.strengths[0]", equalTo("40 certified engineers"))
                .body("marketingPlan.strategies[0].key", equalTo("webinars"));

        given().auth().oauth2(f.partnerOwner()).get("/api/v1/plans/{id}/versions", plan)
                .then().statusCode(200).body("items", hasSize(4))
                .body("items.change", equalTo(List.of("plan.created", "plan.updated", "plan.updated", "plan.updated")))
                .body("items[3].changedBy", equalTo("po@northwind.test"));
        given().auth().oauth2(f.vendorManager()).get("/api/v1/plans/{id}/versions/2", plan)
                .then().statusCode(200).body("sections.jointValueProposition", equalTo("Cloud migrations in weeks, not months"));
        given().auth().oauth2(f.vendorManager()).get("/api/v1/plans/{id}/versions/2/diff/3", plan)
                .then().statusCode(200).body("changes", hasSize(1))
                .body("changes[0].op", equalTo("replace"))
                .body("changes[0].path", equalTo("/sections/jointValueProposition"))
                .body("changes[0].value", equalTo("Cloud migrations in days"));
    }

    @Test
    void sectionRulesNameTheOffendingField() {
        Fixtures f = Fixtures.newTenant();
        UUID plan = f.draftPlan("FY27");
        given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("partnerSwot", Map.of("strengths", List.of("Good", " "))))
                .put("/api/v1/plans/{id}/sections", plan)
                .then().statusCode(400).body("errors.field", hasItem("partnerSwot.strengths[1]"));
        given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("marketingPlan", Map.of("strategies", List.of(Map.of("key", "a", "title", "A"), Map.of("key", "a", "title", "B")))))
                .put("/api/v1/plans/{id}/sections", plan)
                .then().statusCode(400).body("errors[0].field", equalTo("marketingPlan.strategies[1].key"));
        given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("swot", Map.of()))
                .put("/api/v1/plans/{id}/sections", plan)
                .then().statusCode(400).body("errors[0].field", equalTo("swot"));
        // Nothing was written by the refused requests.
        given().auth().oauth2(f.vendorManager()).get("/api/v1/plans/{id}/versions", plan).then().body("items", hasSize(1));
    }

    @Test
    void strangersSeeNeitherSectionsNorVersions() {
        Fixtures f = Fixtures.newTenant();
        UUID plan = f.draftPlan("FY27");
        String admin = DevTokens.token(f.tenant(), null, Roles.TENANT_ADMIN);
        UUID other = Fixtures.organisation(admin, "Fabrikam", "PARTNER");
        String otherPartner = DevTokens.token(f.tenant(), other, Roles.PARTNER_OWNER);
        String otherTenant = DevTokens.token("x-" + f.tenant(), f.vendor(), Roles.VENDOR_MANAGER);
        for (String token : List.of(otherPartner, otherTenant)) {
            given().auth().oauth2(token).get("/api/v1/plans/{id}/sections", plan).then().statusCode(404);
            given().auth().oauth2(token).get("/api/v1/plans/{id}/versions", plan).then().statusCode(404);
            given().auth().oauth2(token).get("/api/v1/plans/{id}/versions/0", plan).then().statusCode(404);
            given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                    .body(sections("hijack")).put("/api/v1/plans/{id}/sections", plan).then().statusCode(404);
        }
    }

    @Test
    void anAgreedPlanIsNotEditedDirectly() {
        Fixtures f = Fixtures.newTenant();
        UUID plan = f.draftPlan("FY27");
        f.addPartnerOwner(plan);
        String etag = ActivePlans.etag(f.vendorManager(), plan);
        etag = given().auth().oauth2(f.vendorManager()).header("If-Match", etag)
                .post("/api/v1/plans/{id}/propose", plan).then().extract().header("ETag");
        etag = given().auth().oauth2(f.vendorManager()).header("If-Match", etag)
                .post("/api/v1/plans/{id}/sign-off", plan).then().extract().header("ETag");
        etag = given().auth().oauth2(f.partnerOwner()).header("If-Match", etag)
                .post("/api/v1/plans/{id}/sign-off", plan).then().body("status", equalTo("AGREED")).extract().header("ETag");
        given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON).header("If-Match", etag)
                .body(sections("changed after agreement")).put("/api/v1/plans/{id}/sections", plan)
                .then().statusCode(409).contentType("application/problem+json");
    }
}
