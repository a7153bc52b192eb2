package io.partnerplan.plan.person;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
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
class DirectoryTest {

    @Test
    void aPersonIsInTheDirectoryAsTheirTokenSaysAndEveryChangeIsAnnounced() {
        Fixtures f = Fixtures.newTenant();
        String first = DevTokens.tokenWith(f.tenant(), f.partner(), "kc:7f3a", Map.of("email", "paula@northwind.test",
                "name", "Paula Park", "locale", "en-GB", "zoneinfo", "Europe/London"), Roles.CONTRIBUTOR);
        String id = given().auth().oauth2(first).get("/api/v1/people/me").then().statusCode(200)
                .body("subject", equalTo("kc:7f3a")).body("organisationId", equalTo(f.partner().toString()))
                .body("displayName", equalTo("Paula Park")).body("email", equalTo("paula@northwind.test"))
                .body("locale", equalTo("en-GB")).body("timeZone", equalTo("Europe/London")).extract().path("id");
        // She moves to Berlin: her next token says so; claims her token leaves out keep what is known.
        String moved = DevTokens.tokenWith(f.tenant(), f.partner(), "kc:7f3a", Map.of("zoneinfo", "Europe/Berlin",
                "locale", "not a tag at all"), Roles.CONTRIBUTOR);
        given().auth().oauth2(moved).get("/api/v1/people/me").then().statusCode(200)
                .body("id", equalTo(id)).body("timeZone", equalTo("Europe/Berlin")).body("locale", equalTo("en-GB"))
                .body("email", equalTo("paula@northwind.test")).body("version", equalTo(1));
        var event = KafkaProbe.awaitRecord("partnerplan.plan.events.v1", Duration.ofSeconds(30),
                r -> id.equals(r.key()) && "io.partnerplan.person.upserted.v1".equals(KafkaProbe.header(r, "ce_type"))
                        && r.value().contains("Europe/Berlin"));
        assertTrue(event.value().contains("\"email\":\"paula@northwind.test\""), event.value());
        // Machine clients and tenant-wide callers are nobody's person.
        given().auth().oauth2(DevTokens.tokenFor(f.tenant(), f.partner(), "crm@northwind.test", Roles.INTEGRATION))
                .get("/api/v1/people/me").then().statusCode(404);
    }

    @Test
    void anOrganisationsIntegrationUpsertsItsOwnPeopleOnly() {
        Fixtures f = Fixtures.newTenant();
        String crm = DevTokens.tokenFor(f.tenant(), f.partner(), "crm@northwind.test", Roles.INTEGRATION);
        Map<String, Object> petra = Map.of("subject", "petra@northwind.test", "displayName", "Petra Partner",
                "email", "petra@northwind.test", "locale", "de", "timeZone", "Europe/Berlin");
        String id = given().auth().oauth2(crm).contentType(ContentType.JSON).body(petra)
                .put("/api/v1/people/by-external-id/{s}/{e}", "hr:workday", "E-1").then().statusCode(201)
                .body("organisationId", equalTo(f.partner().toString())).body("externalId", equalTo("E-1")).extract().path("id");
        given().auth().oauth2(crm).contentType(ContentType.JSON).body(petra)
                .put("/api/v1/people/by-external-id/{s}/{e}", "hr:workday", "E-1").then().statusCode(200)
                .body("id", equalTo(id)).body("version", equalTo(0));
        // The vendor's manager is the vendor's: the partner's sync cannot claim them (nor give them an address).
        f.signIn(f.vendor(), "vic@contoso.test", Roles.VENDOR_MANAGER);
        given().auth().oauth2(crm).contentType(ContentType.JSON).body(Map.of("subject", "vic@contoso.test",
                        "displayName", "Vic", "email", "attacker@evil.test"))
                .put("/api/v1/people/by-external-id/{s}/{e}", "hr:workday", "E-2").then().statusCode(409)
                .contentType("application/problem+json");
        given().auth().oauth2(f.vendorManager()).get("/api/v1/organisations/{o}/people", f.vendor()).then()
                .body("items.email", containsInAnyOrder("vm@contoso.test", "vic@contoso.test"));
        // Only integration clients, and only for the organisation their token names.
        given().auth().oauth2(f.partnerOwner()).contentType(ContentType.JSON).body(petra)
                .put("/api/v1/people/by-external-id/{s}/{e}", "hr:workday", "E-3").then().statusCode(403);
        given().auth().oauth2(DevTokens.token(f.tenant(), null, Roles.INTEGRATION)).contentType(ContentType.JSON).body(petra)
                .put("/api/v1/people/by-external-id/{s}/{e}", "hr:workday", "E-3").then().statusCode(403);
        given().auth().oauth2(crm).contentType(ContentType.JSON).body(Map.of("subject", "x@northwind.test", "displayName", "X",
                        "email", "not an address", "timeZone", "Mars/Olympus"))
                .put("/api/v1/people/by-external-id/{s}/{e}", "hr:workday", "E-4").then().statusCode(400);
        // Her own token has the last word on her address.
        given().auth().oauth2(DevTokens.tokenFor(f.tenant(), f.partner(), "petra@northwind.test", Roles.CONTRIBUTOR))
                .get("/api/v1/people/me").then().statusCode(200).body("id", equalTo(id)).body("locale", equalTo("de"));
    }

    @Test
    void aPartnerSeesItsOwnPeopleAndTheVendorsNotOtherPartners() {
        Fixtures f = Fixtures.newTenant();
        UUID fabrikam = Fixtures.organisation(DevTokens.token(f.tenant(), null, Roles.TENANT_ADMIN), "Fabrikam", "PARTNER");
        f.signIn(f.partner(), "po@northwind.test", Roles.PARTNER_OWNER);
        String fabrikamViewer = f.signIn(fabrikam, "fred@fabrikam.test", Roles.VIEWER);
        String fred = given().auth().oauth2(fabrikamViewer).get("/api/v1/people/me").then().extract().path("id");
        String viewer = f.signIn(f.partner(), "vera@northwind.test", Roles.VIEWER);
        given().auth().oauth2(viewer).get("/api/v1/organisations/{o}/people", f.partner()).then().statusCode(200)
                .body("items.subject", containsInAnyOrder("po@northwind.test", "vera@northwind.test"));
        f.signIn(f.vendor(), "vm@contoso.test", Roles.VENDOR_MANAGER);
        given().auth().oauth2(viewer).get("/api/v1/organisations/{o}/people", f.vendor()).then().statusCode(200)
                .body("items", hasSize(1));
        given().auth().oauth2(viewer).get("/api/v1/organisations/{o}/people", fabrikam).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(viewer).get("/api/v1/people/{id}", fred).then().statusCode(404);
        given().auth().oauth2(f.vendorManager()).get("/api/v1/people/{id}", fred).then().statusCode(200)
                .body("subject", equalTo("fred@fabrikam.test"));
        given().auth().oauth2(f.vendorManager()).get("/api/v1/organisations/{o}/people", fabrikam).then().statusCode(200)
                .body("items", hasSize(1));
        given().auth().oauth2(DevTokens.token("x-" + f.tenant(), f.vendor(), Roles.VENDOR_MANAGER))
                .get("/api/v1/people/{id}", fred).then().statusCode(404);
    }
}
