package io.partnerplan.plan.action;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.partnerplan.plan.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** One action item by its id, the plan's items filtered, and "my actions" across plans. */
@QuarkusTest
class ActionQueriesTest {

    private static String add(Fixtures f, UUID plan, String owner, String due, String status) {
        return given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON)
                .body(Map.of("title", "Act " + due, "owner", owner, "dueOn", due, "status", status))
                .post("/api/v1/plans/{id}/actions", plan).then().statusCode(201).extract().path("id");
    }

    @Test
    void actionsAreFoundByIdFilteredAndListedAcrossTheCallersPlans() {
        Fixtures f = Fixtures.newTenant();
        UUID fy27 = f.draftPlan("FY27");
        UUID fy28 = f.draftPlan("FY28");
        f.addPartnerOwner(fy27);
        f.addPartnerOwner(fy28);
        String march = add(f, fy27, "po@northwind.test", "2027-03-15", "OPEN");
        String april = add(f, fy27, "po@northwind.test", "2027-04-15", "DONE");
        String vendorsOwn = add(f, fy27, "vm@contoso.test", "2027-03-20", "OPEN");
        String nextYear = add(f, fy28, "po@northwind.test", "2028-03-15", "IN_PROGRESS");

        given().auth().oauth2(f.partnerOwner()).get("/api/v1/plans/{id}/actions/{actionId}", fy27, march)
                .then().statusCode(200).header("ETag", "\"0\"").body("id", equalTo(march)).body("dueOn", equalTo("2027-03-15"));
        given().auth().oauth2(f.partnerOwner()).get("/api/v1/plans/{id}/actions/{actionId}", fy28, march)
                .then().statusCode(404);

        given().auth().oauth2(f.vendorManager()).queryParam("status", "OPEN").get("/api/v1/plans/{id}/actions", fy27)
                .then().statusCode(200).body("items.id", contains(march, vendorsOwn));
        given().auth().oauth2(f.vendorManager()).queryParam("owner", "po@northwind.test")
                .queryParam("dueFrom", "2027-04-01").queryParam("dueTo", "2027-04-30").get("/api/v1/plans/{id}/actions", fy27)
                .then().statusCode(200).body("items.id", contains(april));
        given().auth().oauth2(f.vendorManager()).queryParam("status", "OPEN,DONE").queryParam("owner", "po@northwind.test")
                .get("/api/v1/plans/{id}/actions", fy27)
                .then().statusCode(200).body("items.id", contains(march, april));

        given().auth().oauth2(f.partnerOwner()).get("/api/v1/actions")
                .then().statusCode(200).body("items.id", contains(march, april, nextYear));
        given().auth().oauth2(f.partnerOwner()).queryParam("status", "OPEN").queryParam("status", "IN_PROGRESS")
                .get("/api/v1/actions")
                .then().statusCode(200).body("items.id", contains(march, nextYear));
        given().auth().oauth2(f.vendorManager()).get("/api/v1/actions")
                .then().statusCode(200).body("items.id", contains(vendorsOwn));

        given().auth().oauth2(f.partnerOwner()).queryParam("status", "LATE").get("/api/v1/actions")
                .then().statusCode(400).body("errors[0].field", equalTo("status"));
        given().auth().oauth2(f.partnerOwner()).queryParam("dueFrom", "2027-05-01").queryParam("dueTo", "2027-04-01")
                .get("/api/v1/actions").then().statusCode(400).body("errors[0].field", equalTo("dueTo"));
        given().auth().oauth2(f.partnerOwner()).queryParam("owner", "someone").get("/api/v1/actions")
                .then().statusCode(400).body("errors[0].field", equalTo("owner"));
    }
}
