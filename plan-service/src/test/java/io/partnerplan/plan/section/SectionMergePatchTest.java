package io.partnerplan.plan.section;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.partnerplan.plan.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Sections edited as JSON Merge Patch, each side's own sections its own, and PUT never dropping what was not sent. */
@QuarkusTest
class SectionMergePatchTest {

    private static final String MERGE_PATCH = "application/merge-patch+json";

    private static io.restassured.response.ValidatableResponse patch(String token, UUID plan, String ifMatch, Object body) {
        return given().auth().oauth2(token).contentType(MERGE_PATCH).header("If-Match", ifMatch).body(body)
                .patch("/api/v1/plans/{id}/sections", plan).then();
    }

    @Test
    void bothSidesEditTheirOwnSectionsOfTheSameDraftAtOnceAndBothEditsAreKept() {
        Fixtures f = Fixtures.newTenant();
        UUID plan = f.draftPlan("FY27");
        f.addPartnerOwner(plan);
        String read = given().auth().oauth2(f.vendorManager()).get("/api/v1/plans/{id}/sections", plan)
                .then().statusCode(200).extract().header("ETag");
        // Both read the same version; the vendor writes first.
        patch(f.vendorManager(), plan, read, Map.of("vendorSwot", Map.of("strengths", List.of("Market leader in EMEA")),
                "jointValueProposition", "Cloud migrations in weeks")).statusCode(200);
        // The partner's patch, read at the same version, touches only the partner's own SWOT: it applies.
        patch(f.partnerOwner(), plan, read, Map.of("partnerSwot", Map.of("strengths", List.of("40 certified engineers"))))
                .statusCode(200)
                .body("vendorSwot.strengths[0]", equalTo("Market leader in EMEA"))
                .body("partnerSwot.strengths[0]", equalTo("40 certified engineers"))
                .body("jointValueProposition", equalTo("Cloud migrations in weeks"));
        // A stale patch of a section changed since is refused: the vendor's value is not lost.
        patch(f.partnerOwner(), plan, read, Map.of("jointValueProposition", "Cloud migrations in days")).statusCode(412);
        given().auth().oauth2(f.partnerOwner()).get("/api/v1/plans/{id}/sections", plan).then()
                .body("jointValueProposition", equalTo("Cloud migrations in weeks"))
                .body("vendorSwot.strengths[0]", equalTo("Market leader in EMEA"))
                .body("partnerSwot.strengths[0]", equalTo("40 certified engineers"));
    }

    @Test
    void aControlCharacterAnywhereInAPatchIsRefusedNamingItsField() {
        Fixtures f = Fixtures.newTenant();
        UUID plan = f.draftPlan("FY27");
        patch(f.vendorManager(), plan, "\"0\"", Map.of("vendorStatements", Map.of("vision", "Every firm\u0000 on Contoso")))
                .statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("vendorStatements.vision"))
                .body("errors[0].message", containsString("control characters"));
        patch(f.vendorManager(), plan, "\"0\"", Map.of("vendorSwot", Map.of("strengths", List.of("ok", "\u001b[2J"))))
                .statusCode(400).body("errors[0].field", equalTo("vendorSwot.strengths[1]"));
        patch(f.vendorManager(), plan, "\"0\"", Map.of("jointValueProposition", "Bell\u0007")).statusCode(400)
                .body("errors[0].field", equalTo("jointValueProposition"));
        given().auth().oauth2(f.vendorManager()).get("/api/v1/plans/{id}/sections", plan).then().statusCode(200)
                .header("ETag", "\"0\"").body("vendorStatements.vision", nullValue());
    }

    @Test
    void absentFieldsStayAndNullRemovesOne() {
        Fixtures f = Fixtures.newTenant();
        UUID plan = f.draftPlan("FY27");
        String etag = patch(f.vendorManager(), plan, "\"0\"", Map.of("vendorStatements",
                Map.of("vision", "Every firm on Contoso Cloud", "mission", "Migrate the mid-market"))).statusCode(200)
                .extract().header("ETag");
        java.util.Map<String, Object> removeMission = new java.util.HashMap<>();
        removeMission.put("mission", null);
        patch(f.vendorManager(), plan, etag, Map.of("vendorStatements", removeMission)).statusCode(200)
                .body("vendorStatements.vision", equalTo("Every firm on Contoso Cloud"))
                .body("vendorStatements.mission", nullValue());
    }

    @Test
    void theOtherSidesOwnSectionsAreReadOnlyInDraftsToo() {
        Fixtures f = Fixtures.newTenant();
        UUID plan = f.draftPlan("FY27");
        f.addPartnerOwner(plan);
        patch(f.partnerOwner(), plan, "\"0\"", Map.of("vendorSwot", Map.of("weaknesses", List.of("Slow support")),
                "partnerStatements", Map.of("vision", "Trusted advisor")))
                .statusCode(403).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("vendorSwot")));
        patch(f.vendorManager(), plan, "\"0\"", Map.of("partnerCompetencies", List.of("Kubernetes"))).statusCode(403)
                .body("errors.field", hasItem("partnerCompetencies"));
        given().auth().oauth2(f.vendorManager()).get("/api/v1/plans/{id}/sections", plan).then()
                .header("ETag", "\"0\"").body("vendorSwot", nullValue()).body("partnerStatements", nullValue());
    }

    @Test
    void putRefusesToDropContentItWasNotSent() {
        Fixtures f = Fixtures.newTenant();
        UUID plan = f.draftPlan("FY27");
        f.addPartnerOwner(plan);
        String etag = patch(f.vendorManager(), plan, "\"0\"", Map.of("vendorStatements", Map.of("vision", "Cloud first"),
                "jointValueProposition", "Weeks, not months")).statusCode(200).extract().header("ETag");
        // The partner's owner sends only their statements: the vendor's content would be dropped.
        given().auth().oauth2(f.partnerOwner()).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("partnerStatements", Map.of("vision", "Trusted advisor")))
                .put("/api/v1/plans/{id}/sections", plan).then().statusCode(400)
                .body("errors.field", hasItems("vendorStatements", "jointValueProposition"))
                .body("detail", containsString("PATCH"));
        given().auth().oauth2(f.partnerOwner()).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("partnerStatements", Map.of("vision", "Trusted advisor"),
                        "vendorStatements", Map.of("vision", "Cloud first"), "jointValueProposition", "Weeks, not months"))
                .put("/api/v1/plans/{id}/sections", plan).then().statusCode(200)
                .body("vendorStatements.vision", equalTo("Cloud first"))
                .body("partnerStatements.vision", equalTo("Trusted advisor"));
    }

    @Test
    void badPatchesNameTheField() {
        Fixtures f = Fixtures.newTenant();
        UUID plan = f.draftPlan("FY27");
        patch(f.vendorManager(), plan, "\"0\"", Map.of("vendorSwot", Map.of("strengths", List.of(" ")))).statusCode(400)
                .body("errors.field", hasItem("vendorSwot.strengths[0]"));
        patch(f.vendorManager(), plan, "\"0\"", Map.of("vendorSwat", Map.of())).statusCode(400)
                .body("errors.field", hasItem("vendorSwat"));
        given().auth().oauth2(f.vendorManager()).contentType(MERGE_PATCH).body(Map.of("jointValueProposition", "x"))
                .patch("/api/v1/plans/{id}/sections", plan).then().statusCode(428);
    }
}
