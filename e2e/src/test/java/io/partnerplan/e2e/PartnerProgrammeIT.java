package io.partnerplan.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.partnerplan.platform.testing.DevTokens;
import io.restassured.http.ContentType;

/**
 * Issue 22 through the gateway: the vendor defines its programme, the PRM sync brings partners with
 * their profile (tier, type, regions), the vendor finds its Gold partners in EMEA, each partner reads
 * its own profile and programme only, and a new plan with a Gold MSP starts from the template marked for it.
 */
class PartnerProgrammeIT {

    @BeforeAll
    static void startStack() throws Exception {
        E2eStack.ensureUp();
    }

    @Test
    void aPrmSyncedPartnerProgrammeFindsItsPartnersAndStartsTheirPlans() {
        String tenant = "e2e-prm-" + UUID.randomUUID().toString().substring(0, 8);
        String admin = DevTokens.token(tenant, null, "tenant-admin");
        String vendor = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("name", "Contoso Cloud", "kind", "VENDOR", "timeZone", "UTC"))
                .post("/api/v1/organisations").then().statusCode(201).extract().path("id");
        String vm = DevTokens.tokenFor(tenant, UUID.fromString(vendor), "maria@contoso.example", "vendor-manager");

        String programme = given().auth().oauth2(vm).contentType(ContentType.JSON)
                .body(Map.of("name", "Contoso Partner Network", "tiers", List.of(
                        Map.of("code", "SILVER", "name", "Silver", "requirements", List.of(Map.of("kpi", "revenue",
                                "comparison", "AT_LEAST", "threshold", "100000", "periods", 4, "periodUnit", "QUARTER"))),
                        Map.of("code", "GOLD", "name", "Gold", "requirements", List.of(Map.of("kpi", "revenue",
                                "comparison", "AT_LEAST", "threshold", "500000", "periods", 4, "periodUnit", "QUARTER")),
                                "benefits", Map.of("discountPercent", "15", "mdfAllowance", Map.of("amount", "50000", "currency", "USD"))))))
                .post("/api/v1/programmes").then().statusCode(201).body("tiers[1].rank", equalTo(2)).extract().path("id");

        String sync = DevTokens.token(tenant, null, "integration");
        String northwind = given().auth().oauth2(sync).contentType(ContentType.JSON)
                .body(Map.of("name", "Northwind", "kind", "PARTNER", "timeZone", "Europe/London", "partnerProfile", Map.of(
                        "programmeId", programme, "tier", "GOLD", "partnerType", "MSP", "regions", List.of("EMEA"),
                        "certifications", List.of(Map.of("name", "Cloud Architect", "holders", 3, "expiresOn", "2027-12-31")))))
                .put("/api/v1/organisations/by-external-id/prm:impartner/NW-1").then().statusCode(201)
                .body("partnerProfile.tier", equalTo("GOLD")).extract().path("id");
        String fabrikam = given().auth().oauth2(sync).contentType(ContentType.JSON)
                .body(Map.of("name", "Fabrikam", "kind", "PARTNER", "timeZone", "America/New_York", "partnerProfile", Map.of(
                        "programmeId", programme, "tier", "SILVER", "partnerType", "RESELLER", "regions", List.of("NA"))))
                .put("/api/v1/organisations/by-external-id/prm:impartner/FB-1").then().statusCode(201).extract().path("id");

        given().auth().oauth2(vm).get("/api/v1/organisations?tier=GOLD&region=EMEA").then().statusCode(200)
                .body("items.id", equalTo(List.of(northwind)));
        given().auth().oauth2(vm).get("/api/v1/organisations?partnerType=RESELLER").then().statusCode(200)
                .body("items.id", equalTo(List.of(fabrikam)));

        String northwindOwner = DevTokens.token(tenant, UUID.fromString(northwind), "partner-owner");
        given().auth().oauth2(northwindOwner).get("/api/v1/organisations/{id}", northwind).then().statusCode(200)
                .body("partnerProfile.certifications[0].name", equalTo("Cloud Architect"));
        given().auth().oauth2(northwindOwner).get("/api/v1/organisations/{id}", fabrikam).then().statusCode(404);
        given().auth().oauth2(northwindOwner).get("/api/v1/organisations?tier=SILVER").then().statusCode(200).body("items", hasSize(0));
        given().auth().oauth2(northwindOwner).get("/api/v1/programmes/{id}", programme).then().statusCode(200)
                .body("tiers[1].benefits.discountPercent", equalTo("15"));

        // A template marked for Gold MSPs is where a plan with Northwind starts.
        String source = given().auth().oauth2(vm).contentType(ContentType.JSON)
                .body(Map.of("partnerOrganisationId", fabrikam, "title", "Playbook source", "horizonStart", "2027-02-01",
                        "horizonEnd", "2028-01-31"))
                .post("/api/v1/plans").then().statusCode(201).extract().path("id");
        given().auth().oauth2(vm).contentType(ContentType.JSON)
                .body(Map.of("title", "Grow managed services", "measures", List.of(Map.of("kpi", "revenue", "target", "600000")),
                        "periodStart", "2027-02-01", "periodEnd", "2028-01-31"))
                .post("/api/v1/plans/{id}/objectives", source).then().statusCode(201);
        String template = given().auth().oauth2(vm).contentType(ContentType.JSON)
                .body(Map.of("name", "Gold MSP playbook", "planId", source)).post("/api/v1/templates").then().statusCode(201)
                .extract().path("id");
        given().auth().oauth2(vm).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("tiers", List.of("GOLD"), "partnerTypes", List.of("MSP")))
                .put("/api/v1/templates/{id}/audience", template).then().statusCode(200);
        String plan = given().auth().oauth2(vm).contentType(ContentType.JSON)
                .body(Map.of("partnerOrganisationId", northwind, "title", "Contoso x Northwind FY28", "horizonStart", "2028-02-01",
                        "horizonEnd", "2029-01-31"))
                .post("/api/v1/plans").then().statusCode(201).body("templateId", equalTo(template)).extract().path("id");
        given().auth().oauth2(vm).get("/api/v1/plans/{id}/objectives", plan).then().statusCode(200)
                .body("items[0].title", equalTo("Grow managed services"));
    }

    @Test
    void aPartnersCrmRegistersDealsAndTheirPipelineKpisMoveInItsPlanWithoutAnyoneTypingThem() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String tenant = "e2e-deal-" + UUID.randomUUID().toString().substring(0, 8);
        String admin = DevTokens.token(tenant, null, "tenant-admin");
        String vendor = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("name", "Contoso Cloud", "kind", "VENDOR", "timeZone", "UTC"))
                .post("/api/v1/organisations").then().statusCode(201).extract().path("id");
        String northwind = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("name", "Northwind", "kind", "PARTNER", "timeZone", "UTC"))
                .post("/api/v1/organisations").then().statusCode(201).extract().path("id");
        String fabrikam = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("name", "Fabrikam", "kind", "PARTNER", "timeZone", "UTC"))
                .post("/api/v1/organisations").then().statusCode(201).extract().path("id");
        String vm = DevTokens.tokenFor(tenant, UUID.fromString(vendor), "maria@contoso.example", "vendor-manager");
        String plan = given().auth().oauth2(vm).contentType(ContentType.JSON)
                .body(Map.of("partnerOrganisationId", northwind, "title", "Contoso x Northwind", "horizonStart",
                        today.minusMonths(3).toString(), "horizonEnd", today.plusMonths(9).toString()))
                .post("/api/v1/plans").then().statusCode(201).extract().path("id");
        // kpi-service learns of the plan from plan-service's event.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                given().auth().oauth2(vm).queryParam("planId", plan).get("/api/v1/measurements").then().statusCode(200));

        String crm = DevTokens.integration(tenant, UUID.fromString(northwind), "northwind-crm");
        String deal = given().auth().oauth2(crm).contentType(ContentType.JSON)
                .body(Map.of("externalId", "OPP-7", "account", "Globex", "amount", "80000", "currency", "USD", "stage", "APPROVED",
                        "registeredOn", today.minusDays(30).toString(), "expectedCloseOn", today.plusDays(30).toString(),
                        "products", List.of("Cloud Suite")))
                .post("/api/v1/deals").then().statusCode(201).body("source", equalTo("northwind-crm")).extract().path("id");
        given().auth().oauth2(crm).contentType(ContentType.JSON)
                .body(Map.of("externalId", "OPP-7", "account", "Globex", "amount", "80000", "currency", "USD", "stage", "WON",
                        "registeredOn", today.minusDays(30).toString(), "expectedCloseOn", today.plusDays(30).toString(),
                        "actualCloseOn", today.minusDays(1).toString(), "products", List.of("Cloud Suite")))
                .post("/api/v1/deals").then().statusCode(200).body("outcome", equalTo("updated"));
        given().auth().oauth2(vm).queryParam("planId", plan).queryParam("kpi", "won-revenue").get("/api/v1/measurements").then()
                .statusCode(200).body("items", hasSize(1)).body("items[0].value", equalTo("80000"))
                .body("items[0].source", equalTo("deal-registrations"));
        given().auth().oauth2(vm).queryParam("partnerOrganisationId", northwind).get("/api/v1/deals").then().statusCode(200)
                .body("items.id", equalTo(List.of(deal)));
        String fabrikamOwner = DevTokens.token(tenant, UUID.fromString(fabrikam), "partner-owner");
        given().auth().oauth2(fabrikamOwner).get("/api/v1/deals/{id}", deal).then().statusCode(404);
        given().auth().oauth2(fabrikamOwner).get("/api/v1/deals").then().statusCode(200).body("items", hasSize(0));
    }
}
