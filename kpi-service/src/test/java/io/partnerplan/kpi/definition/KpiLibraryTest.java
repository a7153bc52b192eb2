package io.partnerplan.kpi.definition;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.partnerplan.platform.security.Roles;
import io.partnerplan.platform.testing.DevTokens;
import io.partnerplan.platform.testing.KafkaProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class KpiLibraryTest {

    private static Map<String, String> pipeline(String key) {
        return Map.of("key", key, "name", "Qualified pipeline", "unit", "CURRENCY", "currency", "USD",
                "direction", "HIGHER_IS_BETTER", "aggregation", "SUM");
    }

    @Test
    void aDefinedKpiIsListedKeptPerTenantAndAnnounced() {
        String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
        String admin = DevTokens.token(tenant, null, Roles.TENANT_ADMIN);
        String id = given().auth().oauth2(admin).contentType(ContentType.JSON).body(pipeline("pipeline"))
                .post("/api/v1/kpis").then().statusCode(201).header("ETag", "\"0\"").extract().path("id");

        given().auth().oauth2(admin).get("/api/v1/kpis").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].key", equalTo("pipeline"));
        given().auth().oauth2(DevTokens.token("other-" + tenant, null, Roles.TENANT_ADMIN)).get("/api/v1/kpis/{id}", id)
                .then().statusCode(404);

        var record = KafkaProbe.awaitRecord("partnerplan.kpi.events.v1", Duration.ofSeconds(30), r -> id.equals(r.key()));
        assertEquals("io.partnerplan.kpi.defined.v1", KafkaProbe.header(record, "ce_type"));
    }

    @Test
    void keysAreUniquePerTenantButNotAcrossTenants() {
        String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
        String admin = DevTokens.token(tenant, null, Roles.TENANT_ADMIN);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(pipeline("revenue"))
                .post("/api/v1/kpis").then().statusCode(201);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(pipeline("revenue"))
                .post("/api/v1/kpis").then().statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(DevTokens.token("other-" + tenant, null, Roles.TENANT_ADMIN)).contentType(ContentType.JSON)
                .body(pipeline("revenue")).post("/api/v1/kpis").then().statusCode(201);
    }

    @Test
    void currencyGoesWithCurrencyUnitsOnly() {
        String admin = DevTokens.token("t-" + UUID.randomUUID().toString().substring(0, 8), null, Roles.TENANT_ADMIN);
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("key", "deals", "name", "Deals", "unit", "CURRENCY",
                        "direction", "HIGHER_IS_BETTER", "aggregation", "SUM"))
                .post("/api/v1/kpis").then().statusCode(400).body("errors[0].field", equalTo("currency"));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("key", "Bad Key", "name", "Deals", "unit", "COUNT",
                        "direction", "HIGHER_IS_BETTER", "aggregation", "SUM"))
                .post("/api/v1/kpis").then().statusCode(400).body("errors[0].field", equalTo("key"));
    }

    @Test
    void viewersCannotChangeTheLibrary() {
        given().auth().oauth2(DevTokens.token("t-viewer", UUID.randomUUID(), Roles.VIEWER)).contentType(ContentType.JSON)
                .body(pipeline("x")).post("/api/v1/kpis").then().statusCode(403);
    }

    @Test
    void theStandardLibraryIsAddedOnceInTheTenantsCurrency() {
        String admin = DevTokens.token("t-" + UUID.randomUUID().toString().substring(0, 8), null, Roles.TENANT_ADMIN);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(pipeline("pipeline")).post("/api/v1/kpis").then().statusCode(201);
        given().auth().oauth2(admin).queryParam("currency", "EUR").post("/api/v1/kpis/standard-library")
                .then().statusCode(200).body("", hasSize(6)).body("find { it.key == 'revenue' }.currency", equalTo("EUR"));
        given().auth().oauth2(admin).queryParam("currency", "EUR").post("/api/v1/kpis/standard-library")
                .then().statusCode(200).body("", hasSize(0));
        given().auth().oauth2(admin).get("/api/v1/kpis").then().body("items", hasSize(7))
                .body("items.find { it.key == 'pipeline' }.currency", equalTo("USD"));
        given().auth().oauth2(admin).queryParam("currency", "euro").post("/api/v1/kpis/standard-library")
                .then().statusCode(400).body("errors[0].field", equalTo("currency"));
    }
}
