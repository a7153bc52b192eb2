package io.partnerplan.plan.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
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

@QuarkusTest
class PlanAuditTest {

    @Test
    void everyChangeToAPlanIsInItsTrailWithWhoWhatAndWhenNewestFirst() {
        Fixtures f = Fixtures.newTenant();
        UUID plan = f.draftPlan("FY27");
        f.addMember(plan, "po@northwind.test", f.partner(), "partner-owner");
        String action = given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON)
                .body(Map.of("title", "Certify three engineers", "owner", "po@northwind.test", "dueOn", "2027-06-30"))
                .post("/api/v1/plans/{id}/actions", plan).then().statusCode(201).extract().path("id");
        given().auth().oauth2(f.partnerOwner()).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("title", "Certify four engineers", "owner", "po@northwind.test", "dueOn", "2027-06-30",
                        "status", "IN_PROGRESS"))
                .put("/api/v1/plans/{id}/actions/{a}", plan, action).then().statusCode(200);
        given().auth().oauth2(f.partnerOwner()).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("levels", List.of(Map.of("name", "Owners", "roles", List.of("partner-owner"), "acknowledgeWithin", "P1D"))))
                .put("/api/v1/plans/{id}/escalation-policy", plan).then().statusCode(200);

        String cursor = given().auth().oauth2(f.partnerOwner()).queryParam("limit", 3).get("/api/v1/plans/{id}/audit", plan)
                .then().statusCode(200)
                .body("items.change", contains("escalation-policy.replaced", "action.updated", "action.created"))
                .body("items[0].actor", equalTo("po@northwind.test"))
                .body("items[0].data.levels[0].acknowledgeWithin", equalTo("P1D"))
                .body("items[1].actor", equalTo("po@northwind.test"))
                .body("items[1].entityId", equalTo(action))
                .body("items[1].summary", equalTo("Certify four engineers"))
                .body("items[1].data.status", equalTo("IN_PROGRESS"))
                .body("items[1].at", notNullValue())
                .body("items[2].actor", equalTo("vm@contoso.test"))
                .body("items[2].summary", equalTo("Certify three engineers"))
                .body("nextCursor", notNullValue())
                .extract().path("nextCursor");
        given().auth().oauth2(f.vendorManager()).queryParam("limit", 3).queryParam("cursor", cursor)
                .get("/api/v1/plans/{id}/audit", plan).then().statusCode(200)
                .body("items.change", contains("member.added", "member.added", "plan.created"))
                .body("items[0].entityId", equalTo("po@northwind.test"))
                .body("items[1].entityId", equalTo("vm@contoso.test"))
                .body("items[2].entityId", equalTo(plan.toString())).body("items[2].summary", equalTo("FY27"))
                .body("items[1].actor", equalTo("vm@contoso.test"))
                .body("nextCursor", nullValue());
    }

    @Test
    void strangersSeeNoTrailAndBadPagingIsNamed() {
        Fixtures f = Fixtures.newTenant();
        UUID plan = f.draftPlan("FY27");
        UUID otherPartner = Fixtures.organisation(DevTokens.token(f.tenant(), null, Roles.TENANT_ADMIN), "Fabrikam", "PARTNER");
        given().auth().oauth2(DevTokens.tokenFor(f.tenant(), otherPartner, "po@fabrikam.test", Roles.PARTNER_OWNER))
                .get("/api/v1/plans/{id}/audit", plan).then().statusCode(404);
        given().auth().oauth2(DevTokens.tokenFor("x-" + f.tenant(), f.vendor(), "vm@contoso.test", Roles.VENDOR_MANAGER))
                .get("/api/v1/plans/{id}/audit", plan).then().statusCode(404);
        given().auth().oauth2(f.partnerOwner()).queryParam("cursor", "nope").get("/api/v1/plans/{id}/audit", plan).then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("cursor"));
        given().auth().oauth2(f.partnerOwner()).queryParam("limit", 1000).get("/api/v1/plans/{id}/audit", plan).then()
                .statusCode(400).body("errors[0].field", equalTo("limit"));
        given().auth().oauth2(f.partnerOwner()).get("/api/v1/plans/{id}/audit", plan).then().statusCode(200)
                .body("items", hasSize(2)); // plan.created, member.added of the drafter
    }
}
