package io.partnerplan.plan.organisation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.partnerplan.plan.Fixtures;
import io.partnerplan.platform.security.Roles;
import io.partnerplan.platform.testing.DevTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Finding 5 of issue 19: any partner role listed the tenant's whole partner directory, CRM ids and all. */
@QuarkusTest
class PartnerWorldTest {

    @Test
    void aPartnerSeesItsOwnOrganisationAndTheVendorNothingOfOtherPartners() {
        Fixtures f = Fixtures.newTenant();
        String sync = DevTokens.token(f.tenant(), null, Roles.INTEGRATION);
        String fabrikam = given().auth().oauth2(sync).contentType(ContentType.JSON)
                .body(Map.of("name", "Fabrikam", "kind", "PARTNER", "timeZone", "Europe/Berlin"))
                .put("/api/v1/organisations/by-external-id/crm:salesforce/0015FABR").then().statusCode(201).extract().path("id");
        for (String role : new String[] { Roles.VIEWER, Roles.CONTRIBUTOR, Roles.PARTNER_OWNER, Roles.INTEGRATION }) {
            String partner = DevTokens.token(f.tenant(), f.partner(), role);
            given().auth().oauth2(partner).get("/api/v1/organisations?limit=100").then().statusCode(200)
                    .body("items.id", containsInAnyOrder(f.vendor().toString(), f.partner().toString()))
                    .body("items.externalIds.flatten().id", not(hasItem("0015FABR")));
            given().auth().oauth2(partner).get("/api/v1/organisations/{id}", fabrikam).then().statusCode(404)
                    .contentType("application/problem+json");
            given().auth().oauth2(partner).get("/api/v1/organisations/{id}", f.vendor()).then().statusCode(200);
        }
        // A partner's client registers no organisations and learns nothing of another partner by trying.
        String crm = DevTokens.token(f.tenant(), f.partner(), Roles.INTEGRATION);
        given().auth().oauth2(crm).contentType(ContentType.JSON)
                .body(Map.of("name", "Fabrikam", "kind", "PARTNER", "timeZone", "Europe/Berlin"))
                .put("/api/v1/organisations/by-external-id/crm:salesforce/0015FABR").then().statusCode(403);
        given().auth().oauth2(crm).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("name", "Fabrikam", "kind", "PARTNER", "timeZone", "Europe/Berlin"))
                .put("/api/v1/organisations/{id}", fabrikam).then().statusCode(404);
        given().auth().oauth2(crm).contentType("application/x-ndjson")
                .body("{\"system\":\"crm:x\",\"externalId\":\"1\",\"name\":\"X\",\"kind\":\"PARTNER\",\"timeZone\":\"UTC\"}\n"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/organisations/bulk").then().statusCode(403);
        // The vendor's people and tenant-wide callers see every partner.
        UUID vendor = f.vendor();
        given().auth().oauth2(DevTokens.token(f.tenant(), vendor, Roles.VIEWER)).get("/api/v1/organisations?limit=100").then()
                .body("items.id", containsInAnyOrder(vendor.toString(), f.partner().toString(), fabrikam));
        given().auth().oauth2(sync).get("/api/v1/organisations/{id}", fabrikam).then().statusCode(200);
    }
}
