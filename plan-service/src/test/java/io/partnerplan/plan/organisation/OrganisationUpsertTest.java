package io.partnerplan.plan.organisation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.partnerplan.platform.security.Roles;
import io.partnerplan.platform.testing.DevTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** A nightly PRM/CRM sync upserts by its own ids and can run again and again. */
@QuarkusTest
class OrganisationUpsertTest {

    private static final String PATH = "/api/v1/organisations/by-external-id/{system}/{id}";

    @Test
    void rerunningASyncChangesNothingAndAChangeIsOneNewVersion() {
        String sync = DevTokens.token("t-" + UUID.randomUUID().toString().substring(0, 8), null, Roles.INTEGRATION);
        Map<String, String> northwind = Map.of("name", "Northwind", "kind", "PARTNER", "timeZone", "Europe/London");

        String id = given().auth().oauth2(sync).contentType(ContentType.JSON).body(northwind)
                .put(PATH, "crm:salesforce", "0015g00000XyZ")
                .then().statusCode(201).header("ETag", "\"0\"")
                .body("externalIds[0].system", equalTo("crm:salesforce"))
                .body("externalIds[0].id", equalTo("0015g00000XyZ"))
                .extract().path("id");

        given().auth().oauth2(sync).contentType(ContentType.JSON).body(northwind)
                .put(PATH, "crm:salesforce", "0015g00000XyZ")
                .then().statusCode(200).header("ETag", "\"0\"").body("id", equalTo(id));

        given().auth().oauth2(sync).contentType(ContentType.JSON)
                .body(Map.of("name", "Northwind Traders", "kind", "PARTNER", "timeZone", "Europe/London"))
                .put(PATH, "crm:salesforce", "0015g00000XyZ")
                .then().statusCode(200).header("ETag", "\"1\"").body("name", equalTo("Northwind Traders"));

        given().auth().oauth2(sync).get("/api/v1/organisations")
                .then().body("items.size()", equalTo(1)).body("items[0].externalIds[0].id", equalTo("0015g00000XyZ"));
    }

    @Test
    void theSameExternalIdInAnotherTenantIsAnotherOrganisation() {
        Map<String, String> body = Map.of("name", "Northwind", "kind", "PARTNER", "timeZone", "Europe/London");
        String a = given().auth().oauth2(DevTokens.token("a-" + UUID.randomUUID(), null, Roles.INTEGRATION))
                .contentType(ContentType.JSON).body(body).put(PATH, "prm:impartner", "42")
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(DevTokens.token("b-" + UUID.randomUUID(), null, Roles.INTEGRATION))
                .contentType(ContentType.JSON).body(body).put(PATH, "prm:impartner", "42")
                .then().statusCode(201).body("id", not(equalTo(a)));
    }

    @Test
    void badSystemsAndKindChangesAreRefusedByName() {
        String sync = DevTokens.token("t-" + UUID.randomUUID().toString().substring(0, 8), null, Roles.INTEGRATION);
        given().auth().oauth2(sync).contentType(ContentType.JSON)
                .body(Map.of("name", "N", "kind", "PARTNER", "timeZone", "UTC"))
                .put(PATH, "Sales Force!", "1")
                .then().statusCode(400).body("errors[0].field", equalTo("system"));
        given().auth().oauth2(sync).contentType(ContentType.JSON)
                .body(Map.of("name", "N", "kind", "PARTNER", "timeZone", "UTC"))
                .put(PATH, "crm:hubspot", "7").then().statusCode(201);
        given().auth().oauth2(sync).contentType(ContentType.JSON)
                .body(Map.of("name", "N", "kind", "VENDOR", "timeZone", "UTC"))
                .put(PATH, "crm:hubspot", "7")
                .then().statusCode(400).body("errors[0].field", equalTo("kind"));
        given().auth().oauth2(DevTokens.token("t-x", UUID.randomUUID(), Roles.PARTNER_OWNER)).contentType(ContentType.JSON)
                .body(Map.of("name", "N", "kind", "PARTNER", "timeZone", "UTC"))
                .put(PATH, "crm:hubspot", "8").then().statusCode(403);
    }
}
