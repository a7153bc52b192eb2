package io.partnerplan.plan.programme;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.partnerplan.plan.Fixtures;
import io.partnerplan.platform.security.Roles;
import io.partnerplan.platform.testing.DevTokens;
import io.partnerplan.platform.testing.KafkaProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Issue 22: the vendor's programme and each partner's profile in it. The vendor defines tiers; the PRM
 * upserts partners with their profile by its own ids; vendors filter by tier, region and type; a partner
 * reads its own profile and programme, never another's, and sets neither.
 */
@QuarkusTest
class PartnerProgrammeTest {

    private static final String UPSERT = "/api/v1/organisations/by-external-id/{system}/{id}";

    static Map<String, Object> programme(String name) {
        return Map.of("name", name, "tiers", List.of(
                Map.of("code", "SILVER", "name", "Silver", "requirements", List.of(Map.of("kpi", "revenue", "comparison", "AT_LEAST",
                        "threshold", "100000", "periods", 4, "periodUnit", "QUARTER"))),
                Map.of("code", "GOLD", "name", "Gold", "requirements", List.of(Map.of("kpi", "revenue", "comparison", "AT_LEAST",
                        "threshold", "500000", "periods", 4, "periodUnit", "QUARTER")),
                        "benefits", Map.of("discountPercent", "15", "mdfAllowance", Map.of("amount", "50000", "currency", "USD")))));
    }

    static String define(String token, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/v1/programmes")
                .then().statusCode(201).header("ETag", "\"0\"")
                .body("tiers.rank", equalTo(List.of(1, 2))).body("tiers[1].benefits.mdfAllowance.currency", equalTo("USD"))
                .extract().path("id");
    }

    private static Map<String, Object> partner(String name, Map<String, Object> profile) {
        return Map.of("name", name, "kind", "PARTNER", "timeZone", "Europe/Berlin", "partnerProfile", profile);
    }

    @Test
    void aPrmSyncUpsertsPartnersWithTheirProfileAndVendorsFilterByTierRegionAndType() {
        Fixtures f = Fixtures.newTenant();
        String programme = define(f.vendorManager(), programme("Partner Network"));
        String sync = DevTokens.integration(f.tenant(), null, "prm-sync");
        Map<String, Object> goldMsp = Map.of("programmeId", programme, "tier", "GOLD", "partnerType", "MSP",
                "regions", List.of("EMEA", "DACH"), "segments", List.of("MID_MARKET"), "specialisations", List.of("Security"),
                "certifications", List.of(Map.of("name", "Cloud Architect", "holders", 4, "expiresOn", "2027-12-31")), "headcount", 120);
        String fabrikam = given().auth().oauth2(sync).contentType(ContentType.JSON).body(partner("Fabrikam", goldMsp))
                .put(UPSERT, "prm:impartner", "P-1").then().statusCode(201).header("ETag", "\"0\"")
                .body("partnerProfile.tier", equalTo("GOLD")).body("partnerProfile.regions", equalTo(List.of("EMEA", "DACH")))
                .body("partnerProfile.tierSince", equalTo(LocalDate.now(ZoneOffset.UTC).toString()))
                .body("partnerProfile.certifications[0].holders", equalTo(4))
                .extract().path("id");
        // The same sync again changes nothing; a sync that does not know profiles keeps the profile.
        given().auth().oauth2(sync).contentType(ContentType.JSON).body(partner("Fabrikam", goldMsp))
                .put(UPSERT, "prm:impartner", "P-1").then().statusCode(200).header("ETag", "\"0\"");
        given().auth().oauth2(sync).contentType(ContentType.JSON).body(Map.of("name", "Fabrikam", "kind", "PARTNER", "timeZone", "Europe/Berlin"))
                .put(UPSERT, "prm:impartner", "P-1").then().statusCode(200).header("ETag", "\"0\"")
                .body("partnerProfile.tier", equalTo("GOLD"));
        // A profile change alone is a new version, announced with the profile.
        Map<String, Object> silverMsp = new java.util.HashMap<>(goldMsp);
        silverMsp.put("tier", "SILVER");
        given().auth().oauth2(sync).contentType(ContentType.JSON).body(partner("Fabrikam", silverMsp))
                .put(UPSERT, "prm:impartner", "P-1").then().statusCode(200).header("ETag", "\"1\"")
                .body("partnerProfile.tier", equalTo("SILVER"));
        var updated = KafkaProbe.awaitRecord("partnerplan.plan.events.v1", Duration.ofSeconds(30),
                r -> fabrikam.equals(r.key()) && "io.partnerplan.organisation.updated.v1".equals(KafkaProbe.header(r, "ce_type"))
                        && r.value().contains("\"SILVER\""));
        assertTrue(updated.value().contains("\"partnerType\":\"MSP\""), updated.value());

        given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON)
                .body(partner("Tailspin", Map.of("programmeId", programme, "tier", "GOLD", "partnerType", "RESELLER",
                        "regions", List.of("NA"))))
                .post("/api/v1/organisations").then().statusCode(201);

        String vendorSide = f.vendorManager();
        given().auth().oauth2(vendorSide).get("/api/v1/organisations?tier=GOLD").then().statusCode(200)
                .body("items.name", equalTo(List.of("Tailspin")));
        given().auth().oauth2(vendorSide).get("/api/v1/organisations?region=EMEA").then().statusCode(200)
                .body("items.name", equalTo(List.of("Fabrikam")));
        given().auth().oauth2(vendorSide).get("/api/v1/organisations?partnerType=reseller&programmeId=" + programme).then().statusCode(200)
                .body("items.name", equalTo(List.of("Tailspin")));
        given().auth().oauth2(vendorSide).get("/api/v1/organisations?region=EMEA&tier=GOLD").then().statusCode(200)
                .body("items.size()", equalTo(0));
        given().auth().oauth2(vendorSide).get("/api/v1/organisations?partnerType=VAR").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("partnerType"));
        given().auth().oauth2(vendorSide).get("/api/v1/organisations?programmeId=nope").then().statusCode(400)
                .body("errors[0].field", equalTo("programmeId"));
    }

    @Test
    void aPartnerReadsItsOwnProfileAndProgrammeAndSetsNeither() {
        Fixtures f = Fixtures.newTenant();
        String programme = define(f.vendorManager(), programme("Partner Network"));
        String other = define(f.vendorManager(), programme("Distribution Programme"));
        String etag = given().auth().oauth2(f.vendorManager()).get("/api/v1/organisations/{id}", f.partner()).then().extract().header("ETag");
        given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("name", "Northwind Resellers", "kind", "PARTNER", "timeZone", "Europe/London",
                        "partnerProfile", Map.of("programmeId", programme, "tier", "SILVER", "partnerType", "RESELLER")))
                .put("/api/v1/organisations/{id}", f.partner()).then().statusCode(200).header("ETag", "\"1\"");
        UUID fabrikam = Fixtures.organisation(DevTokens.token(f.tenant(), null, Roles.TENANT_ADMIN), "Fabrikam", "PARTNER");

        for (String role : List.of(Roles.PARTNER_OWNER, Roles.VIEWER, Roles.INTEGRATION)) {
            String partner = DevTokens.token(f.tenant(), f.partner(), role);
            given().auth().oauth2(partner).get("/api/v1/organisations/{id}", f.partner()).then().statusCode(200)
                    .body("partnerProfile.tier", equalTo("SILVER"));
            given().auth().oauth2(partner).get("/api/v1/organisations/{id}", fabrikam).then().statusCode(404);
            given().auth().oauth2(partner).get("/api/v1/organisations?tier=SILVER").then().statusCode(200)
                    .body("items.id", equalTo(List.of(f.partner().toString())));
            given().auth().oauth2(partner).get("/api/v1/programmes").then().statusCode(200).body("items.id", equalTo(List.of(programme)));
            given().auth().oauth2(partner).get("/api/v1/programmes/{id}", programme).then().statusCode(200)
                    .body("tiers.code", equalTo(List.of("SILVER", "GOLD")));
            given().auth().oauth2(partner).get("/api/v1/programmes/{id}", other).then().statusCode(404)
                    .contentType("application/problem+json");
        }
        // The partner's own client may keep its name current, but its tier is the vendor's to set.
        String crm = DevTokens.token(f.tenant(), f.partner(), Roles.INTEGRATION);
        given().auth().oauth2(crm).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(Map.of("name", "Northwind Resellers", "kind", "PARTNER", "timeZone", "Europe/London",
                        "partnerProfile", Map.of("programmeId", programme, "tier", "GOLD")))
                .put("/api/v1/organisations/{id}", f.partner()).then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(crm).contentType(ContentType.JSON).body(programme("Mine")).post("/api/v1/programmes")
                .then().statusCode(403);
        given().auth().oauth2(f.vendorManager()).get("/api/v1/organisations/{id}", f.partner()).then()
                .body("partnerProfile.tier", equalTo("SILVER"));
        // A partner not enrolled anywhere reads no programme.
        given().auth().oauth2(DevTokens.token(f.tenant(), fabrikam, Roles.PARTNER_OWNER)).get("/api/v1/programmes").then()
                .statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void badProfilesAreRefusedByFieldAndNothingIsWritten() {
        Fixtures f = Fixtures.newTenant();
        String programme = define(f.vendorManager(), programme("Partner Network"));
        String admin = DevTokens.token(f.tenant(), null, Roles.TENANT_ADMIN);
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(partner("Bad", Map.of("programmeId", programme, "tier", "PLATINUM", "regions", List.of("EMEA", "emea"))))
                .post("/api/v1/organisations").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("partnerProfile.tier", "partnerProfile.regions[1]"));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(partner("Bad", Map.of("tier", "Gold plated")))
                .post("/api/v1/organisations").then().statusCode(400).body("errors[0].field", containsString("tier"));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(partner("Bad", Map.of("partnerType", "VAR"))).post("/api/v1/organisations").then().statusCode(400);
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("name", "Vendor two", "kind", "VENDOR", "timeZone", "UTC", "partnerProfile", Map.of("partnerType", "MSP")))
                .post("/api/v1/organisations").then().statusCode(400).body("errors[0].field", equalTo("partnerProfile"));
        given().auth().oauth2(admin).get("/api/v1/organisations?limit=100").then()
                .body("items.name", not(hasItem("Bad"))).body("items.name", not(hasItem("Vendor two")));

        // A bulk line with a bad profile is rejected on its own, the good one is written.
        String lines = "{\"system\":\"prm:x\",\"externalId\":\"1\",\"name\":\"Good\",\"kind\":\"PARTNER\",\"timeZone\":\"UTC\","
                + "\"partnerProfile\":{\"programmeId\":\"" + programme + "\",\"tier\":\"GOLD\",\"regions\":[\"APAC\"]}}\n"
                + "{\"system\":\"prm:x\",\"externalId\":\"2\",\"name\":\"Wrong\",\"kind\":\"PARTNER\",\"timeZone\":\"UTC\","
                + "\"partnerProfile\":{\"programmeId\":\"" + programme + "\",\"tier\":\"BRONZE\"}}\n";
        String results = given().auth().oauth2(admin).contentType("application/x-ndjson").body(lines.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/organisations/bulk").then().statusCode(200).extract().asString();
        List<String> answers = results.lines().toList();
        assertEquals(2, answers.size(), results);
        assertTrue(answers.get(0).contains("\"created\""), results);
        assertTrue(answers.get(1).contains("\"rejected\"") && answers.get(1).contains("partnerProfile.tier"), results);
        given().auth().oauth2(admin).get("/api/v1/organisations?region=APAC").then().body("items.name", equalTo(List.of("Good")));
    }

    @Test
    void theLadderCannotLoseATierPartnersHoldNorTheProgrammeItsPartners() {
        Fixtures f = Fixtures.newTenant();
        String programme = define(f.vendorManager(), programme("Partner Network"));
        given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON).body(programme("partner network"))
                .post("/api/v1/programmes").then().statusCode(409);
        given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON)
                .body(Map.of("name", "Easier", "tiers", List.of(
                        Map.of("code", "SILVER", "name", "Silver", "requirements", List.of(Map.of("kpi", "revenue", "comparison",
                                "AT_LEAST", "threshold", "100", "periods", 4, "periodUnit", "QUARTER"))),
                        Map.of("code", "GOLD", "name", "Gold", "requirements", List.of(Map.of("kpi", "revenue", "comparison",
                                "AT_LEAST", "threshold", "50", "periods", 4, "periodUnit", "QUARTER"))))))
                .post("/api/v1/programmes").then().statusCode(400)
                .body("errors[0].field", equalTo("tiers[1].requirements[0].threshold"));
        given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON)
                .body(partner("Fabrikam", Map.of("programmeId", programme, "tier", "GOLD")))
                .put(UPSERT, "crm:sf", "F-1").then().statusCode(201);

        Map<String, Object> silverOnly = Map.of("name", "Partner Network", "tiers", List.of(Map.of("code", "SILVER", "name", "Silver")));
        given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON).body(silverOnly)
                .put("/api/v1/programmes/{id}", programme).then().statusCode(428);
        given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(silverOnly)
                .put("/api/v1/programmes/{id}", programme).then().statusCode(409).body("detail", containsString("GOLD"));
        Map<String, Object> renamed = Map.of("name", "Partner Network", "description", "Three tiers", "tiers", List.of(
                Map.of("code", "SILVER", "name", "Silver"), Map.of("code", "GOLD", "name", "Gold"), Map.of("code", "PLATINUM", "name", "Platinum")));
        given().auth().oauth2(f.vendorManager()).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(renamed)
                .put("/api/v1/programmes/{id}", programme).then().statusCode(200).header("ETag", "\"1\"")
                .body("tiers.code", equalTo(List.of("SILVER", "GOLD", "PLATINUM")));
        KafkaProbe.awaitRecord("partnerplan.plan.events.v1", Duration.ofSeconds(30),
                r -> programme.equals(r.key()) && "io.partnerplan.programme.updated.v1".equals(KafkaProbe.header(r, "ce_type")));
        given().auth().oauth2(f.vendorManager()).header("If-Match", "\"1\"").delete("/api/v1/programmes/{id}", programme)
                .then().statusCode(409);
        String empty = define(f.vendorManager(), programme("Unused"));
        given().auth().oauth2(DevTokens.token(f.tenant(), f.vendor(), Roles.VIEWER)).header("If-Match", "\"0\"")
                .delete("/api/v1/programmes/{id}", empty).then().statusCode(403);
        given().auth().oauth2(f.vendorManager()).header("If-Match", "\"0\"").delete("/api/v1/programmes/{id}", empty)
                .then().statusCode(204);
        given().auth().oauth2(f.vendorManager()).get("/api/v1/programmes/{id}", empty).then().statusCode(404);
        // Another tenant does not see the programme at all.
        given().auth().oauth2(DevTokens.token("other-" + UUID.randomUUID(), null, Roles.TENANT_ADMIN))
                .get("/api/v1/programmes/{id}", programme).then().statusCode(404);
        given().auth().oauth2(f.vendorManager()).get("/api/v1/organisations/{id}", f.vendor()).then()
                .body("partnerProfile", nullValue());
    }
}
