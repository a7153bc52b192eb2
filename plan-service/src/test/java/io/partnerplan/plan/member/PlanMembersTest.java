package io.partnerplan.plan.member;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.partnerplan.plan.Fixtures;
import io.partnerplan.platform.security.Roles;
import io.partnerplan.platform.testing.DevTokens;
import io.partnerplan.platform.testing.KafkaProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class PlanMembersTest {

    private static Map<String, Object> member(String subject, UUID org, String role) {
        return Map.of("subject", subject, "organisationId", org.toString(), "role", role,
                "displayName", "Paul Partner", "email", subject);
    }

    @Test
    void theDrafterIsTheFirstMemberAndBothSidesAddTheirPeople() {
        Fixtures f = Fixtures.newTenant();
        UUID plan = f.draftPlan("FY27");
        given().auth().oauth2(f.partnerOwner()).get("/api/v1/plans/{id}/members", plan)
                .then().statusCode(200).body("items", hasSize(1))
                .body("items[0].subject", equalTo("vm@contoso.test")).body("items[0].role", equalTo("vendor-manager"))
                .body("items[0].side", equalTo("VENDOR"));

        given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON)
                .body(member("po@northwind.test", f.partner(), "partner-owner"))
                .post("/api/v1/plans/{id}/members", plan).then().statusCode(201).body("side", equalTo("PARTNER"));
        // Sam reads German and works from Zurich: notification-service learns both from member.added.
        Map<String, Object> sam = new java.util.HashMap<>(member("sam@northwind.test", f.partner(), "contributor"));
        sam.put("locale", "de-CH");
        sam.put("timeZone", "Europe/Zurich");
        given().auth().oauth2(f.partnerOwner()).contentType(ContentType.JSON).body(sam)
                .post("/api/v1/plans/{id}/members", plan).then().statusCode(201)
                .body("locale", equalTo("de-CH")).body("timeZone", equalTo("Europe/Zurich"));

        var added = KafkaProbe.awaitRecord("partnerplan.plan.events.v1", Duration.ofSeconds(30),
                r -> plan.toString().equals(r.key()) && "io.partnerplan.member.added.v1".equals(KafkaProbe.header(r, "ce_type"))
                        && r.value().contains("sam@northwind.test"));
        assertEquals(f.tenant(), KafkaProbe.header(added, "ce_tenantid"));
        assertTrue(added.value().contains("\"locale\":\"de-CH\"") && added.value().contains("\"timeZone\":\"Europe/Zurich\""),
                added.value());
        sam.put("subject", "kim@northwind.test");
        sam.put("locale", "not a language");
        sam.put("timeZone", "Mars/Olympus");
        given().auth().oauth2(f.partnerOwner()).contentType(ContentType.JSON).body(sam)
                .post("/api/v1/plans/{id}/members", plan).then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItems("locale", "timeZone"));

        given().auth().oauth2(f.vendorManager()).get("/api/v1/plans/{id}/members", plan).then().body("items", hasSize(3));
        given().auth().oauth2(f.partnerOwner()).delete("/api/v1/plans/{id}/members/{s}", plan, "sam@northwind.test")
                .then().statusCode(204);
        given().auth().oauth2(f.vendorManager()).get("/api/v1/plans/{id}/members", plan).then().body("items", hasSize(2));
    }

    @Test
    void partnersManageOnlyTheirOwnPeopleAndRolesBelongToASide() {
        Fixtures f = Fixtures.newTenant();
        UUID plan = f.draftPlan("FY27");
        given().auth().oauth2(f.partnerOwner()).contentType(ContentType.JSON)
                .body(member("spy@northwind.test", f.vendor(), "contributor"))
                .post("/api/v1/plans/{id}/members", plan).then().statusCode(403);
        given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON)
                .body(member("x@northwind.test", f.partner(), "vendor-manager"))
                .post("/api/v1/plans/{id}/members", plan).then().statusCode(400).body("errors[0].field", equalTo("role"));
        given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON)
                .body(member("x@fabrikam.test", UUID.randomUUID(), "contributor"))
                .post("/api/v1/plans/{id}/members", plan).then().statusCode(400).body("errors[0].field", equalTo("organisationId"));
        given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON)
                .body(member("vm@contoso.test", f.vendor(), "viewer"))
                .post("/api/v1/plans/{id}/members", plan).then().statusCode(409);
        given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON)
                .body(member("x@northwind.test", f.partner(), "boss"))
                .post("/api/v1/plans/{id}/members", plan).then().statusCode(400)
                .body("errors[0].field", equalTo("role")).body("errors[0].message", containsString("partner-owner"));
        given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON)
                .body(Map.of("subject", "x", "organisationId", f.partner().toString(), "role", "viewer",
                        "displayName", "X", "email", "not-an-email"))
                .post("/api/v1/plans/{id}/members", plan).then().statusCode(400).body("errors[0].field", equalTo("email"));
    }

    @Test
    void strangersNeitherSeeNorChangeMembers() {
        Fixtures f = Fixtures.newTenant();
        UUID plan = f.draftPlan("FY27");
        String admin = DevTokens.token(f.tenant(), null, Roles.TENANT_ADMIN);
        UUID other = Fixtures.organisation(admin, "Fabrikam", "PARTNER");
        for (String stranger : new String[] { DevTokens.token(f.tenant(), other, Roles.PARTNER_OWNER),
                DevTokens.token("x-" + f.tenant(), f.vendor(), Roles.VENDOR_MANAGER) }) {
            given().auth().oauth2(stranger).get("/api/v1/plans/{id}/members", plan).then().statusCode(404);
            given().auth().oauth2(stranger).contentType(ContentType.JSON).body(member("me@x.test", f.partner(), "viewer"))
                    .post("/api/v1/plans/{id}/members", plan).then().statusCode(404);
            given().auth().oauth2(stranger).delete("/api/v1/plans/{id}/members/{s}", plan, "vm@contoso.test").then().statusCode(404);
        }
    }
}
