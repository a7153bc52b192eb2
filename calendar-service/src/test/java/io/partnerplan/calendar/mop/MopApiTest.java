package io.partnerplan.calendar.mop;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.partnerplan.calendar.TestOrganisations;
import io.partnerplan.platform.security.Roles;
import io.partnerplan.platform.testing.DevTokens;
import io.partnerplan.platform.testing.KafkaProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The journey's MOP step: the vendor proposes, the partner counter-proposes, the vendor accepts. */
@QuarkusTest
class MopApiTest {

    private final String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
    private final UUID vendor = TestOrganisations.known(tenant, "VENDOR");
    private final UUID partner = TestOrganisations.known(tenant, "PARTNER");
    private final String vm = DevTokens.tokenFor(tenant, vendor, "vm@contoso.test", Roles.VENDOR_MANAGER);
    private final String po = DevTokens.tokenFor(tenant, partner, "po@northwind.test", Roles.PARTNER_OWNER);

    private void calendars() {
        given().auth().oauth2(vm).contentType(ContentType.JSON).body(Map.of("startMonth", 2, "startDay", 1, "yearNaming", "END_YEAR"))
                .put("/api/v1/fiscal-calendars/{org}", vendor).then().statusCode(201);
        given().auth().oauth2(po).contentType(ContentType.JSON).body(Map.of("startMonth", 1, "startDay", 1, "yearNaming", "END_YEAR"))
                .put("/api/v1/fiscal-calendars/{org}", partner).then().statusCode(201);
    }

    private Map<String, String> proposal(String form) {
        return Map.of("vendorOrganisationId", vendor.toString(), "partnerOrganisationId", partner.toString(), "form", form,
                "start", "2027-01-01");
    }

    @Test
    void proposeCounterProposeAcceptAndMopAgreedIsPublished() {
        calendars();
        given().auth().oauth2(po).queryParam("from", "2026-01-01").queryParam("to", "2026-12-31")
                .get("/api/v1/partnerships/{v}/{p}/quarter-ends", vendor, partner)
                .then().statusCode(200).body("vendor", hasSize(4)).body("partner", hasSize(4))
                .body("gaps[1].days", equalTo(-30));
        given().auth().oauth2(vm).queryParam("start", "2027-01-01")
                .get("/api/v1/partnerships/{v}/{p}/mop-candidates", vendor, partner)
                .then().statusCode(200).body("form", org.hamcrest.Matchers.hasItem("SHARED_QUARTER_END"))
                // The score explains itself: its parts, and on all but the best which candidate ranks above.
                .body("[0].betterAlternative", org.hamcrest.Matchers.nullValue())
                .body("[1].betterAlternative", org.hamcrest.Matchers.containsString(" scores "))
                .body("[0].scoreParts.kind", org.hamcrest.Matchers.hasItems("VENDOR_MISALIGNMENT", "PARTNER_MISALIGNMENT"));

        String first = given().auth().oauth2(vm).contentType(ContentType.JSON).body(proposal("VENDOR_CALENDAR"))
                .post("/api/v1/mops").then().statusCode(201).body("status", equalTo("PROPOSED"))
                .body("vendorAcceptance.by", equalTo("vm@contoso.test")).extract().path("id");
        // The vendor cannot accept its own proposal.
        given().auth().oauth2(vm).header("If-Match", "\"0\"").post("/api/v1/mops/{id}/accept", first)
                .then().statusCode(409).contentType("application/problem+json");

        String counter = given().auth().oauth2(po).contentType(ContentType.JSON).body(proposal("SHARED_QUARTER_END"))
                .post("/api/v1/mops").then().statusCode(201).body("periods", hasSize(4))
                .body("periods[0].end", equalTo("2027-05-31")).extract().path("id");
        given().auth().oauth2(vm).get("/api/v1/mops/{id}", first).then().body("status", equalTo("SUPERSEDED"));

        given().auth().oauth2(vm).header("If-Match", "\"0\"").post("/api/v1/mops/{id}/accept", counter)
                .then().statusCode(200).body("status", equalTo("AGREED"))
                .body("partnerAcceptance.by", equalTo("po@northwind.test")).body("vendorAcceptance.by", equalTo("vm@contoso.test"));

        ConsumerRecord<String, String> agreed = KafkaProbe.awaitRecord("partnerplan.calendar.events.v1", Duration.ofSeconds(30),
                r -> counter.equals(r.key()) && "io.partnerplan.mop.agreed.v1".equals(KafkaProbe.header(r, "ce_type")));
        assertEquals(tenant, KafkaProbe.header(agreed, "ce_tenantid"));
        assertEquals("vm@contoso.test", KafkaProbe.header(agreed, "ce_actor"));

        given().auth().oauth2(po).get("/api/v1/partnerships/{v}/{p}/mops", vendor, partner)
                .then().statusCode(200).body("items.status", equalTo(java.util.List.of("SUPERSEDED", "AGREED")));
    }

    @Test
    void strangersAndMissingCalendarsAreRefused() {
        given().auth().oauth2(vm).contentType(ContentType.JSON).body(proposal("VENDOR_CALENDAR"))
                .post("/api/v1/mops").then().statusCode(409).body("detail", org.hamcrest.Matchers.containsString("fiscal calendar"));
        calendars();
        String id = given().auth().oauth2(vm).contentType(ContentType.JSON).body(proposal("VENDOR_CALENDAR"))
                .post("/api/v1/mops").then().statusCode(201).extract().path("id");

        String otherPartner = DevTokens.token(tenant, UUID.randomUUID(), Roles.PARTNER_OWNER);
        given().auth().oauth2(otherPartner).get("/api/v1/mops/{id}", id).then().statusCode(404);
        given().auth().oauth2(otherPartner).header("If-Match", "\"0\"").post("/api/v1/mops/{id}/accept", id).then().statusCode(404);
        given().auth().oauth2(otherPartner).queryParam("from", "2026-01-01").queryParam("to", "2026-12-31")
                .get("/api/v1/partnerships/{v}/{p}/quarter-ends", vendor, partner).then().statusCode(404);
        given().auth().oauth2(DevTokens.token("x-" + tenant, partner, Roles.PARTNER_OWNER)).get("/api/v1/mops/{id}", id)
                .then().statusCode(404);
        // A second member of the proposing side cannot make it agreed: one member of each side must accept.
        String secondVendorManager = DevTokens.tokenFor(tenant, vendor, "vm2@contoso.test", Roles.VENDOR_MANAGER);
        given().auth().oauth2(secondVendorManager).header("If-Match", "\"0\"").post("/api/v1/mops/{id}/accept", id)
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("already accepted"));
        given().auth().oauth2(vm).get("/api/v1/mops/{id}", id).then().body("status", equalTo("PROPOSED"))
                .body("partnerAcceptance", org.hamcrest.Matchers.nullValue());
        // A proposal on a partnership the caller does not belong to.
        given().auth().oauth2(otherPartner).contentType(ContentType.JSON).body(proposal("VENDOR_CALENDAR"))
                .post("/api/v1/mops").then().statusCode(403).contentType("application/problem+json");
        String contributor = DevTokens.token(tenant, partner, Roles.CONTRIBUTOR);
        given().auth().oauth2(contributor).header("If-Match", "\"0\"").post("/api/v1/mops/{id}/accept", id).then().statusCode(403);
        given().auth().oauth2(po).queryParam("from", "2026-12-31").queryParam("to", "2026-01-01")
                .get("/api/v1/partnerships/{v}/{p}/quarter-ends", vendor, partner)
                .then().statusCode(400).body("errors[0].field", equalTo("to"));
    }
}
