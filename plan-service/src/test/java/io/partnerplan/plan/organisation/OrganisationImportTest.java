package io.partnerplan.plan.organisation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.partnerplan.platform.security.Roles;
import io.partnerplan.platform.testing.DevTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** A nightly PRM export, imported twice: good lines land, bad lines say why, nothing doubles. */
@QuarkusTest
class OrganisationImportTest {

    private static final String EXPORT = """
            {"system":"prm:impartner","externalId":"P-1","name":"Northwind","kind":"PARTNER","timeZone":"Europe/London"}
            {"system":"prm:impartner","externalId":"P-2","name":"Fabrikam","kind":"PARTNER","timeZone":"Mars/Base"}

            {"system":"prm:impartner","externalId":"P-3","name":"Tailspin","kind":"PARTNER","timeZone":"UTC","tier":"gold"}
            {"system":"prm:impartner","externalId":"P-4","name":"Adventure Works",
            {"system":"prm:impartner","externalId":"P-5","name":"Litware","kind":"PARTNER","timeZone":"America/New_York"}
            """;

    @Test
    void eachLineIsUpsertedOnItsOwnAndARerunChangesNothing() {
        String sync = DevTokens.token("t-" + UUID.randomUUID().toString().substring(0, 8), null, Roles.INTEGRATION);
        List<JsonPath> first = results(given().auth().oauth2(sync).contentType("application/x-ndjson").body(EXPORT.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/organisations/bulk").then().statusCode(200).contentType("application/x-ndjson")
                .extract().asString());
        assertEquals(List.of("created", "rejected", "rejected", "rejected", "created"),
                first.stream().map(r -> r.getString("outcome")).toList());
        assertEquals(List.of(1, 2, 4, 5, 6), first.stream().map(r -> r.getInt("line")).toList());
        assertEquals("timeZone", first.get(1).getString("errors[0].field"));
        assertEquals("tier", first.get(2).getString("errors[0].field"));
        assertEquals("line", first.get(3).getString("errors[0].field"));

        List<JsonPath> again = results(given().auth().oauth2(sync).contentType("application/x-ndjson").body(EXPORT.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/organisations/bulk").then().statusCode(200).extract().asString());
        assertEquals("unchanged", again.get(0).getString("outcome"));
        assertEquals(first.get(0).getString("id"), again.get(0).getString("id"));
        given().auth().oauth2(sync).get("/api/v1/organisations").then().body("items.size()", equalTo(2));
    }

    @Test
    void onlyAdministratorsAndIntegrationsImport() {
        given().auth().oauth2(DevTokens.token("t-x", UUID.randomUUID(), Roles.PARTNER_OWNER)).contentType("application/x-ndjson")
                .body(EXPORT.getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/api/v1/organisations/bulk").then().statusCode(403);
    }

    private static List<JsonPath> results(String ndjson) {
        return Arrays.stream(ndjson.split("\n")).filter(l -> !l.isBlank()).map(JsonPath::new).toList();
    }
}
