package io.partnerplan.kpi.deal;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.partnerplan.platform.security.Roles;
import io.partnerplan.platform.testing.DevTokens;
import io.partnerplan.platform.testing.KafkaProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Issue 22: deals registered by a partner's CRM move the pipeline KPIs of its plans; nobody types them. */
@QuarkusTest
class DealsTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    private final String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
    private final UUID vendor = UUID.randomUUID();
    private final UUID partner = UUID.randomUUID();
    private final UUID otherPartner = UUID.randomUUID();
    private final UUID plan = UUID.randomUUID();
    private final String vm = DevTokens.token(tenant, vendor, Roles.VENDOR_MANAGER);
    private final String crm = DevTokens.integration(tenant, partner, "northwind-crm");
    private final String po = DevTokens.token(tenant, partner, Roles.PARTNER_OWNER);

    @BeforeEach
    void aPlanWithThePartnerExists() {
        String data = """
                {"planId":"%s","vendorOrganisationId":"%s","partnerOrganisationId":"%s","title":"FY27",
                 "horizonStart":"%s","horizonEnd":"%s","createdBy":"vm","vendorName":"C","partnerName":"N"}"""
                .formatted(plan, vendor, partner, TODAY.minusMonths(6), TODAY.plusMonths(6));
        KafkaProbe.send("partnerplan.plan.events.v1", plan.toString(), data,
                KafkaProbe.cloudEventHeaders(UUID.randomUUID().toString(), "io.partnerplan.plan.created.v1", plan.toString(), tenant));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(vm).queryParam("planId", plan).get("/api/v1/measurements").then().statusCode(200));
    }

    private static Map<String, Object> deal(String externalId, String stage, String amount, LocalDate actualClose) {
        Map<String, Object> body = new HashMap<>(Map.of("externalId", externalId, "account", "Globex", "amount", amount,
                "currency", "USD", "stage", stage, "registeredOn", TODAY.minusDays(40).toString(),
                "expectedCloseOn", TODAY.plusDays(20).toString(), "products", List.of("Cloud Suite")));
        if (actualClose != null) {
            body.put("actualCloseOn", actualClose.toString());
        }
        return body;
    }

    private String value(String kpi) {
        List<String> values = given().auth().oauth2(vm).queryParam("planId", plan).queryParam("kpi", kpi).queryParam("limit", 100)
                .get("/api/v1/measurements").then().statusCode(200).extract().path("items.value");
        return values.stream().map(java.math.BigDecimal::new).reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add)
                .stripTrailingZeros().toPlainString();
    }

    @Test
    void aRegisteredDealThatIsWonMovesThePipelineKpisAndReSendingChangesNothing() {
        String id = given().auth().oauth2(crm).contentType(ContentType.JSON).body(deal("OPP-1", "APPROVED", "125000", null))
                .post("/api/v1/deals").then().statusCode(201).header("ETag", "\"0\"")
                .body("outcome", equalTo("created")).body("source", equalTo("northwind-crm"))
                .body("partnerOrganisationId", equalTo(partner.toString())).body("amount", equalTo("125000"))
                .extract().path("id");
        assertEquals("1", value("deals-registered"));
        assertEquals("125000", value("registered-pipeline"));
        assertEquals("0", value("won-revenue"));
        given().auth().oauth2(crm).contentType(ContentType.JSON).body(deal("OPP-1", "APPROVED", "125000", null))
                .post("/api/v1/deals").then().statusCode(200).body("outcome", equalTo("unchanged")).header("ETag", "\"0\"");

        LocalDate won = TODAY.minusDays(2);
        given().auth().oauth2(crm).contentType(ContentType.JSON).body(deal("OPP-1", "WON", "130000", won))
                .post("/api/v1/deals").then().statusCode(200).body("outcome", equalTo("updated")).body("id", equalTo(id));
        assertEquals("1", value("deals-won"));
        assertEquals("130000", value("won-revenue"));
        assertEquals("130000", value("registered-pipeline"));
        // Lost after all: the won figures go back, their history kept; the library got the KPIs on the first deal.
        given().auth().oauth2(crm).contentType(ContentType.JSON).body(deal("OPP-1", "LOST", "130000", won))
                .post("/api/v1/deals").then().statusCode(200);
        assertEquals("0", value("deals-won"));
        assertEquals("0", value("won-revenue"));
        assertEquals("1", value("deals-lost"));
        given().auth().oauth2(vm).get("/api/v1/kpis?limit=100").then().statusCode(200)
                .body("items.key", org.hamcrest.Matchers.hasItems("deals-registered", "registered-pipeline", "deals-won", "won-revenue",
                        "deals-lost"));
        KafkaProbe.awaitRecord("partnerplan.kpi.events.v1", Duration.ofSeconds(30),
                r -> id.equals(r.key()) && "io.partnerplan.deal.updated.v1".equals(KafkaProbe.header(r, "ce_type")));
    }

    @Test
    void aPartnerSeesOnlyItsOwnDealsAndTheVendorThoseOfItsPartners() {
        String id = given().auth().oauth2(po).contentType(ContentType.JSON).body(deal("MINE-1", "REGISTERED", "5000", null))
                .post("/api/v1/deals").then().statusCode(201).body("source", equalTo("MANUAL")).extract().path("id");
        String stranger = DevTokens.token(tenant, otherPartner, Roles.PARTNER_OWNER);
        given().auth().oauth2(stranger).get("/api/v1/deals/{id}", id).then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(stranger).get("/api/v1/deals").then().statusCode(200).body("items", hasSize(0));
        given().auth().oauth2(DevTokens.token("x-" + tenant, partner, Roles.PARTNER_OWNER)).get("/api/v1/deals/{id}", id)
                .then().statusCode(404);
        given().auth().oauth2(po).get("/api/v1/deals").then().statusCode(200).body("items.id", equalTo(List.of(id)));
        given().auth().oauth2(vm).get("/api/v1/deals?stage=REGISTERED&partnerOrganisationId=" + partner).then().statusCode(200)
                .body("items.id", equalTo(List.of(id)));
        given().auth().oauth2(vm).get("/api/v1/deals?stage=WON").then().statusCode(200).body("items", hasSize(0));
        given().auth().oauth2(vm).get("/api/v1/deals?stage=CLOSED").then().statusCode(400).body("errors[0].field", equalTo("stage"));
        // Another partner cannot register deals for this one; the vendor must say which partner, one it has a plan with.
        Map<String, Object> forNorthwind = deal("X-1", "REGISTERED", "1", null);
        forNorthwind.put("partnerOrganisationId", partner.toString());
        given().auth().oauth2(stranger).contentType(ContentType.JSON).body(forNorthwind).post("/api/v1/deals").then().statusCode(400)
                .body("errors[0].field", equalTo("partnerOrganisationId"));
        given().auth().oauth2(vm).contentType(ContentType.JSON).body(deal("V-1", "REGISTERED", "1", null)).post("/api/v1/deals")
                .then().statusCode(400).body("errors[0].field", equalTo("partnerOrganisationId"));
        given().auth().oauth2(vm).contentType(ContentType.JSON).body(forNorthwind).post("/api/v1/deals").then().statusCode(201)
                .body("organisationId", equalTo(vendor.toString())).body("partnerOrganisationId", equalTo(partner.toString()));
        given().auth().oauth2(DevTokens.token(tenant, vendor, Roles.VIEWER)).contentType(ContentType.JSON).body(forNorthwind)
                .post("/api/v1/deals").then().statusCode(403);
    }

    @Test
    void badDealsAreRefusedByFieldAndABulkUploadAnswersEveryLine() {
        given().auth().oauth2(crm).contentType(ContentType.JSON).body(deal("BAD-1", "WON", "10", null))
                .post("/api/v1/deals").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("actualCloseOn"));
        Map<String, Object> future = deal("BAD-2", "REGISTERED", "10", null);
        future.put("registeredOn", TODAY.plusDays(3).toString());
        given().auth().oauth2(crm).contentType(ContentType.JSON).body(future)
                .post("/api/v1/deals").then().statusCode(400).body("errors[0].field", equalTo("registeredOn"));
        given().auth().oauth2(crm).contentType(ContentType.JSON).body(deal("BAD-3", "REGISTERED", "-5", null))
                .post("/api/v1/deals").then().statusCode(400).body("errors[0].field", equalTo("amount"));

        String good = "{\"externalId\":\"B-1\",\"account\":\"Initech\",\"amount\":\"700\",\"currency\":\"USD\",\"stage\":\"REGISTERED\","
                + "\"registeredOn\":\"" + TODAY.minusDays(5) + "\",\"expectedCloseOn\":\"" + TODAY.plusDays(30) + "\"}";
        String body = good + "\nnull\n{\"externalId\":\"B-2\",\"account\":\"Hooli\",\"amount\":\"1\",\"currency\":\"USD\","
                + "\"stage\":\"WON\",\"expectedCloseOn\":\"" + TODAY.plusDays(30) + "\"}\n{\"isAdmin\":true}\n" + good + "\n";
        String answer = given().auth().oauth2(crm).contentType("application/x-ndjson").body(body.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/deals/bulk").then().statusCode(200).extract().asString();
        List<String> lines = answer.lines().toList();
        assertEquals(5, lines.size(), answer);
        assertTrue(lines.get(0).contains("\"created\""), answer);
        assertTrue(lines.get(1).contains("\"rejected\""), answer);
        assertTrue(lines.get(2).contains("\"rejected\"") && lines.get(2).contains("actualCloseOn"), answer);
        assertTrue(lines.get(3).contains("\"rejected\"") && lines.get(3).contains("isAdmin"), answer);
        assertTrue(lines.get(4).contains("\"unchanged\""), answer);
        assertEquals("700", value("registered-pipeline"));
        given().auth().oauth2(po).get("/api/v1/deals").then().body("items.account", equalTo(List.of("Initech")))
                .body("items[0].externalId", containsString("B-1"));
    }
}
