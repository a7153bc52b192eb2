package io.partnerplan.kpi.measurement;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
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
    private final String crm = DevTokens.integration(tenant, partner, "northwind-crm");
    private final String po = DevTokens.token(tenant, partner, Roles.PARTNER_OWNER);

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
                "currency", "USD", "occurredOn", "2027-03-31", "periodStart", "2027-03-01"));
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

    // ---------------------------------------------------------------- provenance (issue 19)

    @Test
    void theSourceIsTheCallersTokenNeverTheBody() {
        given().auth().oauth2(crm).contentType(ContentType.JSON).body(measurement("100", "opp-p1"))
                .post("/api/v1/measurements").then().statusCode(201).body("source", equalTo("northwind-crm"))
                .body("organisationId", equalTo(partner.toString())).body("reportedBy", equalTo("service-account-northwind-crm"));
        // The same source in the body is accepted (clients that always sent one keep working)...
        Map<String, Object> same = measurement("100", "opp-p1");
        same.put("source", "northwind-crm");
        given().auth().oauth2(crm).contentType(ContentType.JSON).body(same)
                .post("/api/v1/measurements").then().statusCode(200).body("outcome", equalTo("duplicate"));
        // ...another one is refused, whoever claims it: a person naming the client, the client naming MANUAL.
        Map<String, Object> impersonating = measurement("555000", "opp-p1");
        impersonating.put("source", "northwind-crm");
        given().auth().oauth2(po).contentType(ContentType.JSON).body(impersonating)
                .post("/api/v1/measurements").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("source")).body("errors[0].message", containsString("MANUAL"));
        Map<String, Object> manual = measurement("1", "opp-p2");
        manual.put("source", "MANUAL");
        given().auth().oauth2(crm).contentType(ContentType.JSON).body(manual)
                .post("/api/v1/measurements").then().statusCode(400).body("errors[0].field", equalTo("source"));
        // In a bulk upload the row is rejected naming source; the others are written.
        String ndjson = """
                {"planId":"%1$s","kpi":"revenue","value":"555000","currency":"USD","occurredOn":"2027-03-31","source":"northwind-crm","externalId":"opp-p1"}
                {"planId":"%1$s","kpi":"revenue","value":"5","currency":"USD","occurredOn":"2027-03-31","externalId":"opp-p3"}
                """.formatted(plan);
        String results = given().auth().oauth2(po).contentType("application/x-ndjson").body(ndjson.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/measurements/bulk").then().statusCode(200).extract().asString();
        org.assertj.core.api.Assertions.assertThat(results.lines().toList()).hasSize(2);
        org.assertj.core.api.Assertions.assertThat(results.lines().toList().get(0)).contains("\"rejected\"").contains("\"source\"");
        org.assertj.core.api.Assertions.assertThat(results.lines().toList().get(1)).contains("\"accepted\"");

        given().auth().oauth2(vm).queryParam("planId", plan).get("/api/v1/measurements").then().statusCode(200)
                .body("items", hasSize(2))
                .body("items.find { it.externalId == 'opp-p1' }.value", equalTo("100"))
                .body("items.find { it.externalId == 'opp-p3' }.source", equalTo("MANUAL"));
    }

    @Test
    void aPersonCannotOverwriteWhatAnIntegrationWrote() {
        String id = given().auth().oauth2(crm).contentType(ContentType.JSON).body(measurement("100", "opp-o1"))
                .post("/api/v1/measurements").then().statusCode(201).extract().path("id");
        Map<String, Object> correction = Map.of("value", "555000", "currency", "USD", "occurredOn", "2027-03-31");
        for (String person : new String[] { po, DevTokens.token(tenant, partner, Roles.CONTRIBUTOR), vm }) {
            given().auth().oauth2(person).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(correction)
                    .put("/api/v1/measurements/{id}", id).then().statusCode(409).contentType("application/problem+json")
                    .body("type", containsString("measurement-owned-by-its-source"))
                    .body("detail", containsString("a person cannot overwrite what an integration wrote"));
        }
        // Another client (even of the same organisation) does not either.
        given().auth().oauth2(DevTokens.integration(tenant, partner, "northwind-prm")).contentType(ContentType.JSON)
                .header("If-Match", "\"0\"").body(correction).put("/api/v1/measurements/{id}", id).then().statusCode(409);
        // The person's own external id names the person's own row, never the client's.
        given().auth().oauth2(po).contentType(ContentType.JSON).body(measurement("555000", "opp-o1"))
                .post("/api/v1/measurements").then().statusCode(201).body("outcome", equalTo("accepted"))
                .body("source", equalTo("MANUAL")).body("id", org.hamcrest.Matchers.not(equalTo(id)));
        given().auth().oauth2(vm).get("/api/v1/measurements/{id}", id).then().statusCode(200)
                .body("value", equalTo("100")).body("version", equalTo(0)).header("ETag", "\"0\"");
        given().auth().oauth2(vm).get("/api/v1/measurements/{id}/revisions", id).then().statusCode(200).body("items", hasSize(1));
    }

    @Test
    void externalIdsAreScopedToTheCallersOrganisation() {
        String partners = given().auth().oauth2(crm).contentType(ContentType.JSON).body(measurement("100", "opp-s1"))
                .post("/api/v1/measurements").then().statusCode(201).extract().path("id");
        // The vendor's client, with the same client id and the same external id: its own row, nothing corrected.
        String vendors = given().auth().oauth2(DevTokens.integration(tenant, vendor, "northwind-crm")).contentType(ContentType.JSON)
                .body(measurement("7", "opp-s1")).post("/api/v1/measurements").then().statusCode(201)
                .body("outcome", equalTo("accepted")).body("organisationId", equalTo(vendor.toString())).extract().path("id");
        org.assertj.core.api.Assertions.assertThat(vendors).isNotEqualTo(partners);
        given().auth().oauth2(vm).get("/api/v1/measurements/{id}", partners).then().statusCode(200).body("value", equalTo("100"));
        // Nor can the vendor's people correct the partner's hand-entered rows by id.
        String manual = given().auth().oauth2(po).contentType(ContentType.JSON).body(measurement("3", "opp-s2"))
                .post("/api/v1/measurements").then().statusCode(201).extract().path("id");
        given().auth().oauth2(vm).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("value", "4", "currency", "USD", "occurredOn", "2027-03-31")).put("/api/v1/measurements/{id}", manual)
                .then().statusCode(409).body("detail", containsString("another organisation"));
    }

    @Test
    void aCorrectionKeepsTheOldValueReadable() {
        String id = given().auth().oauth2(crm).contentType(ContentType.JSON).body(measurement("100", "opp-r1"))
                .post("/api/v1/measurements").then().statusCode(201).extract().path("id");
        given().auth().oauth2(crm).contentType(ContentType.JSON).body(measurement("150", "opp-r1"))
                .post("/api/v1/measurements").then().statusCode(200).body("outcome", equalTo("corrected"));
        Map<String, Object> correction = Map.of("value", "175", "currency", "USD", "occurredOn", "2027-03-31", "periodStart", "2027-03-01");
        given().auth().oauth2(crm).contentType(ContentType.JSON).body(correction).put("/api/v1/measurements/{id}", id)
                .then().statusCode(428);
        given().auth().oauth2(crm).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(correction)
                .put("/api/v1/measurements/{id}", id).then().statusCode(412);
        given().auth().oauth2(crm).contentType(ContentType.JSON).header("If-Match", "\"1\"").body(correction)
                .put("/api/v1/measurements/{id}", id).then().statusCode(200).body("outcome", equalTo("corrected"))
                .body("value", equalTo("175")).header("ETag", "\"2\"");
        given().auth().oauth2(po).get("/api/v1/measurements/{id}/revisions", id).then().statusCode(200)
                .body("source", equalTo("northwind-crm"))
                .body("items.value", org.hamcrest.Matchers.contains("175", "150", "100"))
                .body("items[0].replacedAt", org.hamcrest.Matchers.nullValue())
                .body("items[1].replacedBy", equalTo("service-account-northwind-crm"))
                .body("items.source", org.hamcrest.Matchers.everyItem(equalTo("northwind-crm")))
                .body("items.reportedBy", org.hamcrest.Matchers.everyItem(equalTo("service-account-northwind-crm")));
        // People of the organisation that entered a value by hand correct it; the history names them.
        String manual = given().auth().oauth2(po).contentType(ContentType.JSON).body(measurement("3", null))
                .post("/api/v1/measurements").then().statusCode(201).extract().path("id");
        String contributor = DevTokens.tokenFor(tenant, partner, "carl@northwind.test", Roles.CONTRIBUTOR);
        given().auth().oauth2(contributor).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("value", "4", "currency", "USD", "occurredOn", "2027-03-31")).put("/api/v1/measurements/{id}", manual)
                .then().statusCode(200).body("reportedBy", equalTo("carl@northwind.test"));
        given().auth().oauth2(vm).get("/api/v1/measurements/{id}/revisions", manual).then().statusCode(200)
                .body("items.value", org.hamcrest.Matchers.contains("4", "3"));
        // Another partner or tenant reads nothing of it.
        for (String stranger : new String[] { DevTokens.token(tenant, UUID.randomUUID(), Roles.PARTNER_OWNER),
                DevTokens.token("x-" + tenant, partner, Roles.PARTNER_OWNER) }) {
            given().auth().oauth2(stranger).get("/api/v1/measurements/{id}/revisions", id).then().statusCode(404);
            given().auth().oauth2(stranger).get("/api/v1/measurements/{id}", id).then().statusCode(404);
        }
    }

    @Test
    void listsFilterBySourceExternalIdAndTheDayItOccurred() {
        Map<String, Object> march = measurement("100", "opp-1");
        Map<String, Object> april = measurement("200", "opp-2");
        april.put("occurredOn", "2027-04-30");
        april.put("periodStart", "2027-04-01");
        for (Map<String, Object> body : java.util.List.of(march, april)) {
            given().auth().oauth2(crm).contentType(ContentType.JSON).body(body).post("/api/v1/measurements").then().statusCode(201);
        }
        given().auth().oauth2(vm).queryParam("planId", plan).queryParam("externalId", "opp-2").get("/api/v1/measurements")
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].externalId", equalTo("opp-2"));
        given().auth().oauth2(vm).queryParam("planId", plan).queryParam("from", "2027-04-01").queryParam("to", "2027-04-30")
                .get("/api/v1/measurements").then().statusCode(200).body("items", hasSize(1))
                .body("items[0].occurredOn", equalTo("2027-04-30"));
        given().auth().oauth2(vm).queryParam("planId", plan).queryParam("source", "MANUAL").get("/api/v1/measurements")
                .then().statusCode(200).body("items", hasSize(0));
        given().auth().oauth2(vm).queryParam("planId", plan).queryParam("source", "northwind-crm").get("/api/v1/measurements")
                .then().statusCode(200).body("items", hasSize(2));
        given().auth().oauth2(vm).queryParam("planId", plan).queryParam("from", "2027-05-01").queryParam("to", "2027-04-01")
                .get("/api/v1/measurements").then().statusCode(400).body("errors[0].field", equalTo("to"));
    }
}
