package io.partnerplan.plan.member;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

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

    private static Map<String, Object> member(String subject, String role) {
        return Map.of("subject", subject, "role", role);
    }

    @Test
    void theDrafterIsTheFirstMemberAndEachSideAddsItsOwnPeopleFromTheDirectory() {
        Fixtures f = Fixtures.newTenant();
        UUID plan = f.draftPlan("FY27");
        given().auth().oauth2(f.partnerOwner()).get("/api/v1/plans/{id}/members", plan)
                .then().statusCode(200).body("items", hasSize(1))
                .body("items[0].subject", equalTo("vm@contoso.test")).body("items[0].role", equalTo("vendor-manager"))
                .body("items[0].side", equalTo("VENDOR")).body("items[0].email", equalTo("vm@contoso.test"));

        // Sam signs in once: his token says he reads German and works from Zurich.
        given().auth().oauth2(DevTokens.tokenWith(f.tenant(), f.partner(), "sam@northwind.test",
                        Map.of("email", "sam@northwind.test", "name", "Sam Sommer", "locale", "de-CH", "zoneinfo", "Europe/Zurich"),
                        Roles.CONTRIBUTOR))
                .get("/api/v1/people/me").then().statusCode(200).body("displayName", equalTo("Sam Sommer"));
        given().auth().oauth2(f.partnerOwner()).contentType(ContentType.JSON).body(member("po@northwind.test", "partner-owner"))
                .post("/api/v1/plans/{id}/members", plan).then().statusCode(201).body("side", equalTo("PARTNER"));
        given().auth().oauth2(f.partnerOwner()).contentType(ContentType.JSON).body(member("sam@northwind.test", "contributor"))
                .post("/api/v1/plans/{id}/members", plan).then().statusCode(201)
                .body("displayName", equalTo("Sam Sommer")).body("email", equalTo("sam@northwind.test"))
                .body("locale", equalTo("de-CH")).body("timeZone", equalTo("Europe/Zurich"));

        var added = KafkaProbe.awaitRecord("partnerplan.plan.events.v1", Duration.ofSeconds(30),
                r -> plan.toString().equals(r.key()) && "io.partnerplan.member.added.v1".equals(KafkaProbe.header(r, "ce_type"))
                        && r.value().contains("sam@northwind.test"));
        assertEquals(f.tenant(), KafkaProbe.header(added, "ce_tenantid"));
        given().auth().oauth2(f.vendorManager()).get("/api/v1/plans/{id}/members", plan).then().body("items", hasSize(3));
        given().auth().oauth2(f.partnerOwner()).delete("/api/v1/plans/{id}/members/{s}", plan, "sam@northwind.test")
                .then().statusCode(204);
        given().auth().oauth2(f.vendorManager()).get("/api/v1/plans/{id}/members", plan).then().body("items", hasSize(2));
    }

    /**
     * Finding 1 of issue 19, replayed: a partner owner enrolled the vendor's manager on the partner's
     * plan with an attacker's address, so that the manager's mail went to the attacker and the manager
     * could accept an amendment as a member. Neither the address nor the enrolment gets through.
     */
    @Test
    void aPartnerOwnerCannotEnrolTheVendorsPeopleNorSetAnyonesAddress() {
        Fixtures f = Fixtures.newTenant();
        UUID plan = f.draftPlan("FY27");
        f.signIn(f.vendor(), "victor@contoso.test", Roles.VENDOR_MANAGER);
        String asMember = "{\"subject\": \"victor@contoso.test\", \"role\": \"contributor\", \"email\": \"attacker@evil.test\"}";
        given().auth().oauth2(f.partnerOwner()).contentType(ContentType.JSON).body(asMember)
                .post("/api/v1/plans/{id}/members", plan).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("email"));
        given().auth().oauth2(f.partnerOwner()).contentType(ContentType.JSON).body(member("victor@contoso.test", "contributor"))
                .post("/api/v1/plans/{id}/members", plan).then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(f.partnerOwner()).contentType(ContentType.JSON).body(member("vm@contoso.test", "viewer"))
                .post("/api/v1/plans/{id}/members", plan).then().statusCode(403);
        // Nor can the vendor's manager put the partner's people on the plan in the partner's stead.
        f.signIn(f.partner(), "petra@northwind.test", Roles.CONTRIBUTOR);
        given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON).body(member("petra@northwind.test", "contributor"))
                .post("/api/v1/plans/{id}/members", plan).then().statusCode(403);
        given().auth().oauth2(f.vendorManager()).get("/api/v1/plans/{id}/members", plan).then()
                .body("items", hasSize(1)).body("items[0].subject", equalTo("vm@contoso.test"));
        given().auth().oauth2(f.vendorManager()).get("/api/v1/people/me").then().body("email", equalTo("vm@contoso.test"));
    }

    @Test
    void onlyPeopleOfTheDirectoryInRolesOfTheirSideBecomeMembers() {
        Fixtures f = Fixtures.newTenant();
        UUID plan = f.draftPlan("FY27");
        given().auth().oauth2(f.partnerOwner()).contentType(ContentType.JSON).body(member("nobody@northwind.test", "contributor"))
                .post("/api/v1/plans/{id}/members", plan).then().statusCode(400).body("errors[0].field", equalTo("subject"))
                .body("errors[0].message", containsString("invite"));
        f.signIn(f.partner(), "x@northwind.test", Roles.CONTRIBUTOR);
        given().auth().oauth2(f.partnerOwner()).contentType(ContentType.JSON).body(member("x@northwind.test", "vendor-manager"))
                .post("/api/v1/plans/{id}/members", plan).then().statusCode(400).body("errors[0].field", equalTo("role"));
        given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON).body(member("vm@contoso.test", "viewer"))
                .post("/api/v1/plans/{id}/members", plan).then().statusCode(409);
        given().auth().oauth2(f.partnerOwner()).contentType(ContentType.JSON).body(member("x@northwind.test", "boss"))
                .post("/api/v1/plans/{id}/members", plan).then().statusCode(400)
                .body("errors[0].field", equalTo("role")).body("errors[0].message", containsString("partner-owner"));
    }

    @Test
    void anInviteeAcceptsWithTheirOwnTokenAndBringsTheirOwnAddress() {
        Fixtures f = Fixtures.newTenant();
        UUID plan = f.draftPlan("FY27");
        String invitation = given().auth().oauth2(f.partnerOwner()).contentType(ContentType.JSON)
                .body(Map.of("email", "Nina@Northwind.test", "role", "contributor"))
                .post("/api/v1/plans/{id}/invitations", plan).then().statusCode(201)
                .body("status", equalTo("PENDING")).body("side", equalTo("PARTNER")).extract().path("id");
        given().auth().oauth2(f.vendorManager()).get("/api/v1/plans/{id}/invitations", plan).then().statusCode(200)
                .body("items", hasSize(0));
        given().auth().oauth2(f.partnerOwner()).get("/api/v1/plans/{id}/invitations", plan).then().statusCode(200)
                .body("items", hasSize(1));

        // Another address, or someone of another organisation with the right address, cannot take it.
        given().auth().oauth2(DevTokens.tokenFor(f.tenant(), f.partner(), "mallory@northwind.test", Roles.CONTRIBUTOR))
                .post("/api/v1/invitations/{id}/accept", invitation).then().statusCode(403);
        given().auth().oauth2(DevTokens.tokenFor(f.tenant(), f.vendor(), "nina@northwind.test", Roles.VENDOR_MANAGER))
                .post("/api/v1/invitations/{id}/accept", invitation).then().statusCode(404);

        String nina = DevTokens.tokenWith(f.tenant(), f.partner(), "auth0|nina",
                Map.of("email", "nina@northwind.test", "name", "Nina Nowak"), Roles.CONTRIBUTOR);
        given().auth().oauth2(nina).post("/api/v1/invitations/{id}/accept", invitation).then().statusCode(200)
                .body("subject", equalTo("auth0|nina")).body("role", equalTo("contributor"))
                .body("displayName", equalTo("Nina Nowak")).body("email", equalTo("nina@northwind.test"));
        given().auth().oauth2(nina).post("/api/v1/invitations/{id}/accept", invitation).then().statusCode(409);
        given().auth().oauth2(f.partnerOwner()).delete("/api/v1/plans/{id}/invitations/{i}", plan, invitation).then().statusCode(409);
        given().auth().oauth2(f.vendorManager()).get("/api/v1/plans/{id}/members", plan).then()
                .body("items.subject", hasItem("auth0|nina"));

        // Someone already in the directory is added, not invited; a revoked invitation is no longer accepted.
        given().auth().oauth2(f.partnerOwner()).contentType(ContentType.JSON).body(Map.of("email", "nina@northwind.test", "role", "viewer"))
                .post("/api/v1/plans/{id}/invitations", plan).then().statusCode(409);
        String second = given().auth().oauth2(f.partnerOwner()).contentType(ContentType.JSON)
                .body(Map.of("email", "olaf@northwind.test", "role", "viewer"))
                .post("/api/v1/plans/{id}/invitations", plan).then().statusCode(201).extract().path("id");
        given().auth().oauth2(f.partnerOwner()).delete("/api/v1/plans/{id}/invitations/{i}", plan, second).then().statusCode(200)
                .body("status", equalTo("REVOKED"));
        given().auth().oauth2(DevTokens.tokenFor(f.tenant(), f.partner(), "olaf@northwind.test", Roles.VIEWER))
                .post("/api/v1/invitations/{id}/accept", second).then().statusCode(409);
        // A partner owner invites for the partner only: the vendor's roles are not theirs to hand out.
        given().auth().oauth2(f.partnerOwner()).contentType(ContentType.JSON).body(Map.of("email", "v@contoso.test", "role", "vendor-manager"))
                .post("/api/v1/plans/{id}/invitations", plan).then().statusCode(400).body("errors[0].field", equalTo("role"));
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
            given().auth().oauth2(stranger).contentType(ContentType.JSON).body(member("vm@contoso.test", "viewer"))
                    .post("/api/v1/plans/{id}/members", plan).then().statusCode(404);
            given().auth().oauth2(stranger).delete("/api/v1/plans/{id}/members/{s}", plan, "vm@contoso.test").then().statusCode(404);
            given().auth().oauth2(stranger).get("/api/v1/plans/{id}/invitations", plan).then().statusCode(404);
        }
    }
}
