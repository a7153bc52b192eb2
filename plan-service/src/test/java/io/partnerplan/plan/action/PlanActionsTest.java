package io.partnerplan.plan.action;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.partnerplan.plan.Fixtures;
import io.partnerplan.platform.security.Roles;
import io.partnerplan.platform.testing.DevTokens;
import io.partnerplan.platform.testing.KafkaProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class PlanActionsTest {

    @Inject
    PlanActions actions;

    private static Map<String, Object> action(String owner, String due, String strategy) {
        Map<String, Object> body = new HashMap<>(Map.of("title", "Certify three engineers", "owner", owner, "dueOn", due));
        if (strategy != null) {
            body.put("strategyKey", strategy);
        }
        return body;
    }

    private static UUID planWithPartnerOwnerAndStrategy(Fixtures f) {
        UUID plan = f.draftPlan("FY27");
        f.addMember(plan, "po@northwind.test", f.partner(), "partner-owner");
        given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("salesPlan", Map.of("strategies", List.of(Map.of("key", "upsell", "title", "Upsell")))))
                .put("/api/v1/plans/{id}/sections", plan).then().statusCode(200);
        return plan;
    }

    @Test
    void anActionPastItsDateIsAnnouncedOverdueOnceAndAgainOnlyAfterANewDate() {
        Fixtures f = Fixtures.newTenant();
        UUID plan = planWithPartnerOwnerAndStrategy(f);
        String id = given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON)
                .body(action("po@northwind.test", "2020-06-30", "upsell"))
                .post("/api/v1/plans/{id}/actions", plan).then().statusCode(201)
                .body("status", equalTo("OPEN")).header("ETag", "\"0\"").extract().path("id");
        given().auth().oauth2(f.partnerOwner()).get("/api/v1/plans/{id}/actions", plan).then().body("items", hasSize(1));

        assertTrue(actions.announceOverdue(LocalDate.of(2020, 7, 2)) >= 1);
        actions.announceOverdue(LocalDate.of(2020, 7, 3));
        var overdue = KafkaProbe.allRecords("partnerplan.plan.events.v1", Duration.ofSeconds(4),
                r -> "io.partnerplan.action.overdue.v1".equals(KafkaProbe.header(r, "ce_type")) && r.value().contains(id));
        assertEquals(1, overdue.size(), "announced once");
        assertTrue(overdue.get(0).value().contains("\"daysOverdue\":2"), overdue.get(0).value());
        assertEquals(f.tenant(), KafkaProbe.header(overdue.get(0), "ce_tenantid"));

        // Done: never overdue again.
        Map<String, Object> done = action("po@northwind.test", "2020-06-30", "upsell");
        done.put("status", "DONE");
        given().auth().oauth2(f.partnerOwner()).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(done)
                .put("/api/v1/plans/{id}/actions/{a}", plan, id).then().statusCode(200).body("status", equalTo("DONE"));
        given().auth().oauth2(f.partnerOwner()).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(done)
                .put("/api/v1/plans/{id}/actions/{a}", plan, id).then().statusCode(412);
    }

    @Test
    void ownersAreMembersStrategiesExistAndStrangersSeeNothing() {
        Fixtures f = Fixtures.newTenant();
        UUID plan = planWithPartnerOwnerAndStrategy(f);
        given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON).body(action("nobody@x.test", "2027-06-30", null))
                .post("/api/v1/plans/{id}/actions", plan).then().statusCode(400).body("errors[0].field", equalTo("owner"));
        given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON).body(action("po@northwind.test", "2027-06-30", "nope"))
                .post("/api/v1/plans/{id}/actions", plan).then().statusCode(400).body("errors[0].field", equalTo("strategyKey"));
        given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON).body(Map.of("title", "x", "owner", "po@northwind.test"))
                .post("/api/v1/plans/{id}/actions", plan).then().statusCode(400).body("errors[0].field", equalTo("dueOn"));
        given().auth().oauth2(DevTokens.token(f.tenant(), f.partner(), Roles.VIEWER)).contentType(ContentType.JSON)
                .body(action("po@northwind.test", "2027-06-30", null))
                .post("/api/v1/plans/{id}/actions", plan).then().statusCode(403);
        String stranger = DevTokens.token("x-" + f.tenant(), f.partner(), Roles.PARTNER_OWNER);
        given().auth().oauth2(stranger).get("/api/v1/plans/{id}/actions", plan).then().statusCode(404);
        given().auth().oauth2(stranger).contentType(ContentType.JSON).body(action("po@northwind.test", "2027-06-30", null))
                .post("/api/v1/plans/{id}/actions", plan).then().statusCode(404);
    }
}
