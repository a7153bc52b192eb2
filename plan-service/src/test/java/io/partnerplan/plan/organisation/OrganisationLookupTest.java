package io.partnerplan.plan.organisation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.partnerplan.platform.security.Roles;
import io.partnerplan.platform.testing.DevTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** An integrator finds an organisation by the id its PRM/CRM knows, and filters lists as it asks. */
@QuarkusTest
class OrganisationLookupTest {

    private static final String UPSERT = "/api/v1/organisations/by-external-id/{system}/{id}";

    private static String org(String token, String system, String externalId, String name, String kind) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("name", name, "kind", kind, "timeZone", "Europe/Berlin"))
                .put(UPSERT, system, externalId).then().statusCode(201).extract().path("id");
    }

    @Test
    void anOrganisationIsFoundByItsExternalIdAndListsFilterByKindNameAndExternalId() {
        String sync = DevTokens.token("t-" + UUID.randomUUID().toString().substring(0, 8), null, Roles.INTEGRATION);
        String vendor = org(sync, "crm:salesforce", "V-1", "Contoso", "VENDOR");
        String acme = org(sync, "crm:salesforce", "P-1", "ACME Systems", "PARTNER");
        String globex = org(sync, "crm:salesforce", "P-2", "Globex 100%", "PARTNER");

        given().auth().oauth2(sync).get("/api/v1/organisations/by-external-id/{system}/{id}", "crm:salesforce", "P-1")
                .then().statusCode(200).header("ETag", "\"0\"").body("id", equalTo(acme)).body("name", equalTo("ACME Systems"));
        given().auth().oauth2(sync).get("/api/v1/organisations/by-external-id/{system}/{id}", "crm:salesforce", "nope")
                .then().statusCode(404).contentType("application/problem+json");

        given().auth().oauth2(sync).queryParam("externalSystem", "crm:salesforce").queryParam("externalId", "P-2")
                .queryParam("kind", "PARTNER").get("/api/v1/organisations")
                .then().statusCode(200).body("items.id", contains(globex));
        given().auth().oauth2(sync).queryParam("externalSystem", "crm:salesforce").queryParam("externalId", "V-1")
                .queryParam("kind", "PARTNER").get("/api/v1/organisations")
                .then().statusCode(200).body("items.size()", equalTo(0));
        given().auth().oauth2(sync).queryParam("kind", "partner").get("/api/v1/organisations")
                .then().statusCode(200).body("items.id", contains(acme, globex));
        given().auth().oauth2(sync).queryParam("name", "acme").get("/api/v1/organisations")
                .then().statusCode(200).body("items.id", contains(acme));
        // LIKE wildcards in the name are literal characters.
        given().auth().oauth2(sync).queryParam("name", "0%").get("/api/v1/organisations")
                .then().statusCode(200).body("items.id", contains(globex));
        given().auth().oauth2(sync).get("/api/v1/organisations")
                .then().statusCode(200).body("items.id", contains(vendor, acme, globex));
    }

    @Test
    void badFiltersAndUnknownQueryParametersAreRefusedByName() {
        String sync = DevTokens.token("t-" + UUID.randomUUID().toString().substring(0, 8), null, Roles.INTEGRATION);
        given().auth().oauth2(sync).queryParam("kind", "RESELLER").get("/api/v1/organisations")
                .then().statusCode(400).body("errors[0].field", equalTo("kind"));
        given().auth().oauth2(sync).queryParam("externalId", "P-1").get("/api/v1/organisations")
                .then().statusCode(400).body("errors[0].field", equalTo("externalSystem"));
        given().auth().oauth2(sync).queryParam("externalID", "P-1").queryParam("q", "acme").get("/api/v1/organisations")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("externalID", "q"))
                .body("errors[0].message", containsString("externalId"));
    }

    @Test
    void aSecondSystemsIdIsAttachedSoItsSyncFindsTheSameOrganisation() {
        String sync = DevTokens.token("t-" + UUID.randomUUID().toString().substring(0, 8), null, Roles.INTEGRATION);
        String acme = org(sync, "crm:salesforce", "P-1", "ACME", "PARTNER");
        String other = org(sync, "crm:salesforce", "P-2", "Other", "PARTNER");
        String ids = "/api/v1/organisations/{id}/external-ids/{system}/{externalId}";

        given().auth().oauth2(sync).put(ids, acme, "prm:impartner", "42")
                .then().statusCode(201).header("ETag", "\"1\"").body("externalIds.system", contains("crm:salesforce", "prm:impartner"));
        given().auth().oauth2(sync).put(ids, acme, "prm:impartner", "42")
                .then().statusCode(200).header("ETag", "\"1\"");
        // The PRM's nightly sync now updates ACME instead of creating a duplicate.
        given().auth().oauth2(sync).contentType(ContentType.JSON)
                .body(Map.of("name", "ACME Systems", "kind", "PARTNER", "timeZone", "Europe/Berlin"))
                .put(UPSERT, "prm:impartner", "42").then().statusCode(200).body("id", equalTo(acme));
        given().auth().oauth2(sync).put(ids, other, "prm:impartner", "42")
                .then().statusCode(409).contentType("application/problem+json");

        given().auth().oauth2(sync).delete(ids, acme, "prm:impartner", "42").then().statusCode(428);
        String etag = given().auth().oauth2(sync).get("/api/v1/organisations/{id}", acme).then().extract().header("ETag");
        given().auth().oauth2(sync).header("If-Match", etag).delete(ids, acme, "prm:impartner", "42")
                .then().statusCode(200).body("externalIds.system", contains("crm:salesforce"));
        given().auth().oauth2(sync).get("/api/v1/organisations/by-external-id/{system}/{id}", "prm:impartner", "42")
                .then().statusCode(404);
    }
}
