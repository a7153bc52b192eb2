package io.partnerplan.kpi.measurement;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.partnerplan.platform.security.Roles;
import io.partnerplan.platform.testing.DevTokens;
import io.partnerplan.platform.testing.KafkaProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Measurements for a plan kpi-service learnt of through plan-service's event on the real broker. */
@QuarkusTest
class MeasurementsTest {

    private final String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
    private final UUID vendor = UUID.randomUUID();
    private final UUID partner = UUID.randomUUID();
    private final UUID plan = UUID.randomUUID();
    private final String vm = DevTokens.token(tenant, vendor, Roles.VENDOR_MANAGER);
    private final String crm = DevTokens.tokenFor(tenant, partner, "crm-sync@northwind.test", Roles.INTEGRATION);

    @BeforeEach
    void planAndKpiExist() {
        String data = """
                {"planId":"%s","vendorOrganisationId":"%s","partnerOrganisationId":"%s","title":"FY27",
                 "horizonStart":"2027-02-01","horizonEnd":"2028-01-31","createdBy":"vm","vendorName":"C","partnerName":"N"}"""
                .formatted(plan, vendor, partner);
        KafkaProbe.send("partnerplan.plan.events.v1", plan.toString(), data,
                KafkaProbe.cloudEventHeaders(UUID.randomUUID().toString(), "io.partnerplan.plan.created.v1", plan.toString(), tenant));
        given().auth().oauth2(DevTokens.token(tenant, null, Roles.TENANT_ADMIN)).contentType(ContentType.JSON)
                .body(Map.of("key", "revenue", "name", "Revenue", "unit", "CURRENCY", "currency", "USD",
                        "direction", "HIGHER_IS_BETTER", "aggregation", "SUM"))
                .post("/api/v1/kpis").then().statusCode(201);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(vm).queryParam("planId", plan).get("/api/v1/measurements").then().statusCode(200));
    }

    private Map<String, Object> measurement(String value, String externalId) {
        Map<String, Object> body = new HashMap<>(Map.of("planId", plan.toString(), "kpi", "revenue", "value", value,
                "currency", "USD", "occurredOn", "2027-03-31", "periodStart", "2027-03-01", "source", "CRM"));
        if (externalId != null) {
            body.put("externalId", externalId);
        }
        return body;
    }

    @Test
    void resendingIsIdempotentAndANewValueIsACorrectionThatKeepsHistory() {
        given().auth().oauth2(crm).contentType(ContentType.JSON).body(measurement("125000.00", "opp-1"))
                .post("/api/v1/measurements").then().statusCode(201).body("outcome", equalTo("accepted"))
                .body("value", equalTo("125000"));
        given().auth().oauth2(crm).contentType(ContentType.JSON).body(measurement("125000", "opp-1"))
                .post("/api/v1/measurements").then().statusCode(200).body("outcome", equalTo("duplicate"));
        String id = given().auth().oauth2(crm).contentType(ContentType.JSON).body(measurement("130000.5", "opp-1"))
                .post("/api/v1/measurements").then().statusCode(200).body("outcome", equalTo("corrected"))
                .body("version", equalTo(1)).extract().path("id");

        given().auth().oauth2(vm).queryParam("planId", plan).get("/api/v1/measurements")
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].value", equalTo("130000.5"))
                .body("items[0].kpi", equalTo("revenue"));
        given().auth().oauth2(vm).queryParam("planId", plan).queryParam("kpi", "revenue").queryParam("limit", 1)
                .get("/api/v1/measurements").then().statusCode(200).body("items", hasSize(1));
        given().auth().oauth2(vm).queryParam("planId", plan).queryParam("kpi", "happiness").get("/api/v1/measurements")
                .then().statusCode(400).body("errors[0].field", equalTo("kpi"));
        KafkaProbe.awaitRecord("partnerplan.kpi.events.v1", Duration.ofSeconds(30),
                r -> plan.toString().equals(r.key()) && r.value().contains("\"corrected\"") && r.value().contains(id));
    }

    @Test
    void badMeasurementsNameTheFieldAndWriteNothing() {
        Map<String, Object> wrongCurrency = measurement("1", null);
        wrongCurrency.put("currency", "EUR");
        given().auth().oauth2(crm).contentType(ContentType.JSON).body(wrongCurrency).post("/api/v1/measurements")
                .then().statusCode(400).body("errors[0].field", equalTo("currency"));
        Map<String, Object> outside = measurement("1", null);
        outside.put("occurredOn", "2029-01-01");
        outside.put("periodStart", "2028-12-01");
        given().auth().oauth2(crm).contentType(ContentType.JSON).body(outside).post("/api/v1/measurements")
                .then().statusCode(400).body("errors[0].field", equalTo("occurredOn"));
        Map<String, Object> unknownKpi = measurement("1", null);
        unknownKpi.put("kpi", "happiness");
        given().auth().oauth2(crm).contentType(ContentType.JSON).body(unknownKpi).post("/api/v1/measurements")
                .then().statusCode(400).body("errors[0].field", equalTo("kpi"));
        given().auth().oauth2(crm).contentType(ContentType.JSON).body(measurement("12,5", null)).post("/api/v1/measurements")
                .then().statusCode(400).body("errors[0].field", equalTo("value"));
        given().auth().oauth2(DevTokens.token(tenant, vendor, Roles.VIEWER)).contentType(ContentType.JSON)
                .body(measurement("1", null)).post("/api/v1/measurements").then().statusCode(403);

        given().auth().oauth2(vm).queryParam("planId", plan).get("/api/v1/measurements").then().body("items", hasSize(0));
    }

    @Test
    void anotherPartnerOrTenantCannotReadOrWriteThePlansMeasurements() {
        given().auth().oauth2(crm).contentType(ContentType.JSON).body(measurement("10", "opp-9"))
                .post("/api/v1/measurements").then().statusCode(201);
        for (String stranger : new String[] { DevTokens.token(tenant, UUID.randomUUID(), Roles.PARTNER_OWNER),
                DevTokens.token("x-" + tenant, partner, Roles.PARTNER_OWNER) }) {
            given().auth().oauth2(stranger).queryParam("planId", plan).get("/api/v1/measurements")
                    .then().statusCode(404).contentType("application/problem+json");
            given().auth().oauth2(stranger).contentType(ContentType.JSON).body(measurement("10", "opp-10"))
                    .post("/api/v1/measurements").then().statusCode(404).contentType("application/problem+json");
        }
    }
}
