package io.partnerplan.calendar.availability;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
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

/** The article's anecdote: the partner's rep declares a holiday in the last two weeks of the vendor's quarter. */
@QuarkusTest
class AvailabilityApiTest {

    private final String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
    private final UUID vendor = TestOrganisations.known(tenant, "VENDOR");
    private final UUID partner = TestOrganisations.known(tenant, "PARTNER");
    private final String vm = DevTokens.tokenFor(tenant, vendor, "vm@contoso.test", Roles.VENDOR_MANAGER);
    private final String po = DevTokens.tokenFor(tenant, partner, "po@northwind.test", Roles.PARTNER_OWNER);
    private final String rep = DevTokens.tokenFor(tenant, partner, "rep@northwind.test", Roles.CONTRIBUTOR);

    private static Map<String, Object> period(String delegate, String startsOn, String endsOn) {
        Map<String, Object> body = new HashMap<>();
        body.put("delegateSubject", delegate);
        body.put("startsOn", startsOn);
        body.put("endsOn", endsOn);
        return body;
    }

    private String declare(String token, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/v1/availability")
                .then().statusCode(201).extract().path("availabilityId");
    }

    private void calendars() {
        // Vendor's fiscal year starts 1 February (quarters end 30 April, 31 July, 31 October, 31 January); the partner's is the calendar year.
        given().auth().oauth2(vm).contentType(ContentType.JSON).body(Map.of("startMonth", 2, "startDay", 1, "yearNaming", "END_YEAR"))
                .put("/api/v1/fiscal-calendars/{org}", vendor).then().statusCode(201);
        given().auth().oauth2(po).contentType(ContentType.JSON).body(Map.of("startMonth", 1, "startDay", 1, "yearNaming", "END_YEAR"))
                .put("/api/v1/fiscal-calendars/{org}", partner).then().statusCode(201);
    }

    /** Who is away is shared within a partnership: two organisations that proposed a MOP to each other. */
    private void partnership() {
        given().auth().oauth2(vm).contentType(ContentType.JSON)
                .body(Map.of("vendorOrganisationId", vendor, "partnerOrganisationId", partner, "form", "VENDOR_CALENDAR",
                        "start", "2026-02-01"))
                .post("/api/v1/mops").then().statusCode(201);
    }

    @Test
    void theRepOnHolidayInTheVendorsClosingWindowIsFlaggedAndNotificationServiceHearsOfIt() {
        calendars();
        // Before the two have proposed a MOP to each other, nobody's absences are shown across them.
        given().auth().oauth2(vm).queryParam("from", "2026-01-01").queryParam("to", "2026-12-31")
                .get("/api/v1/partnerships/{v}/{p}/away-in-closing-windows", vendor, partner).then().statusCode(404);
        partnership();
        String id = given().auth().oauth2(rep).contentType(ContentType.JSON)
                .body(Map.of("delegateSubject", "po@northwind.test", "startsOn", "2026-10-22", "endsOn", "2026-11-01",
                        "note", "Lisbon"))
                .post("/api/v1/availability").then().statusCode(201)
                .header("ETag", "\"0\"").body("subject", equalTo("rep@northwind.test"))
                .body("organisationId", equalTo(partner.toString())).body("status", equalTo("DECLARED"))
                .extract().path("availabilityId");

        ConsumerRecord<String, String> changed = KafkaProbe.awaitRecord("partnerplan.calendar.events.v1", Duration.ofSeconds(30),
                r -> partner.toString().equals(r.key()) && r.value().contains(id)
                        && "io.partnerplan.availability.changed.v1".equals(KafkaProbe.header(r, "ce_type")));
        assertEquals(tenant, KafkaProbe.header(changed, "ce_tenantid"));
        assertTrue(changed.value().contains("\"delegateSubject\":\"po@northwind.test\""), changed.value());
        assertTrue(changed.value().contains("\"startsOn\":\"2026-10-22\""), changed.value());
        assertTrue(changed.value().contains("\"status\":\"DECLARED\""), changed.value());

        // The vendor's manager sees who is away in which closing window: 22-31 October of the vendor's Q3.
        given().auth().oauth2(vm).queryParam("from", "2026-01-01").queryParam("to", "2026-12-31")
                .get("/api/v1/partnerships/{v}/{p}/away-in-closing-windows", vendor, partner)
                .then().statusCode(200).body("", hasSize(1))
                .body("[0].subject", equalTo("rep@northwind.test")).body("[0].side", equalTo("PARTNER"))
                .body("[0].delegateSubject", equalTo("po@northwind.test"))
                .body("[0].clashes", hasSize(1))
                .body("[0].clashes[0].quarterOf", equalTo("VENDOR")).body("[0].clashes[0].quarterEnd", equalTo("2026-10-31"))
                .body("[0].clashes[0].awayFrom", equalTo("2026-10-22")).body("[0].clashes[0].awayTo", equalTo("2026-10-31"));
        // ... and the side-by-side answer flags it.
        given().auth().oauth2(po).queryParam("from", "2026-01-01").queryParam("to", "2026-12-31")
                .get("/api/v1/partnerships/{v}/{p}/quarter-ends", vendor, partner)
                .then().statusCode(200).body("awayInClosingWindows", hasSize(1))
                .body("awayInClosingWindows[0].availabilityId", equalTo(id));

        // She moves her holiday to November: nobody is away in a closing window any more.
        given().auth().oauth2(rep).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(period("po@northwind.test", "2026-11-02", "2026-11-12"))
                .put("/api/v1/availability/{id}", id).then().statusCode(200).header("ETag", "\"1\"")
                .body("status", equalTo("UPDATED")).body("startsOn", equalTo("2026-11-02"));
        given().auth().oauth2(vm).queryParam("from", "2026-01-01").queryParam("to", "2026-12-31")
                .get("/api/v1/partnerships/{v}/{p}/away-in-closing-windows", vendor, partner)
                .then().statusCode(200).body("", hasSize(0));

        given().auth().oauth2(rep).header("If-Match", "\"1\"").post("/api/v1/availability/{id}/cancel", id)
                .then().statusCode(200).body("status", equalTo("CANCELLED"));
        KafkaProbe.awaitRecord("partnerplan.calendar.events.v1", Duration.ofSeconds(30),
                r -> partner.toString().equals(r.key()) && r.value().contains(id) && r.value().contains("\"CANCELLED\""));
        given().auth().oauth2(rep).header("If-Match", "\"2\"").post("/api/v1/availability/{id}/cancel", id)
                .then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void overlappingPeriodsOfOnePersonAndTheDelegateBeingThePersonAreRefused() {
        String first = declare(rep, period("po@northwind.test", "2026-08-01", "2026-08-14"));
        given().auth().oauth2(rep).contentType(ContentType.JSON).body(period("po@northwind.test", "2026-08-14", "2026-08-20"))
                .post("/api/v1/availability").then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString(first)).body("errors[0].field", equalTo("startsOn"));
        // Someone else may be away on the same days; and the day after hers is free.
        String other = DevTokens.tokenFor(tenant, partner, "other@northwind.test", Roles.CONTRIBUTOR);
        declare(other, period("po@northwind.test", "2026-08-01", "2026-08-14"));
        declare(rep, period("po@northwind.test", "2026-08-15", "2026-08-20"));

        given().auth().oauth2(rep).contentType(ContentType.JSON).body(period("rep@northwind.test", "2026-09-01", "2026-09-02"))
                .post("/api/v1/availability").then().statusCode(400).body("errors[0].field", equalTo("delegateSubject"));
        given().auth().oauth2(rep).contentType(ContentType.JSON).body(period("po@northwind.test", "2026-09-02", "2026-09-01"))
                .post("/api/v1/availability").then().statusCode(400).body("errors[0].field", equalTo("endsOn"));
        given().auth().oauth2(rep).contentType(ContentType.JSON).body(Map.of("startsOn", "2026-09-01", "endsOn", "2026-09-02"))
                .post("/api/v1/availability").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", containsString("delegateSubject"));

        // Moving the first period onto the second one is refused too; nothing changed.
        given().auth().oauth2(rep).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(period("po@northwind.test", "2026-08-10", "2026-08-16"))
                .put("/api/v1/availability/{id}", first).then().statusCode(409);
        given().auth().oauth2(rep).get("/api/v1/availability/{id}", first).then().statusCode(200)
                .header("ETag", "\"0\"").body("endsOn", equalTo("2026-08-14"));
        given().auth().oauth2(rep).queryParam("from", "2026-01-01").queryParam("subject", "rep@northwind.test")
                .get("/api/v1/availability").then().statusCode(200).body("items", hasSize(2));
    }

    @Test
    void managersDeclareForColleaguesOthersDoNotAndStrangersSeeNothing() {
        TestOrganisations.person(tenant, partner, "rep@northwind.test");
        Map<String, Object> forRep = period("po@northwind.test", "2026-12-21", "2026-12-31");
        forRep.put("subject", "rep@northwind.test");
        // A contributor cannot declare a colleague away; the partner's owner can.
        String colleague = DevTokens.tokenFor(tenant, partner, "colleague@northwind.test", Roles.CONTRIBUTOR);
        given().auth().oauth2(colleague).contentType(ContentType.JSON).body(forRep).post("/api/v1/availability")
                .then().statusCode(403).contentType("application/problem+json");
        forRep.put("delegateSubject", "colleague@northwind.test");
        String id = given().auth().oauth2(po).contentType(ContentType.JSON).body(forRep).post("/api/v1/availability")
                .then().statusCode(201).body("subject", equalTo("rep@northwind.test")).extract().path("availabilityId");
        // The rep herself changes it; a stale or missing If-Match is refused.
        given().auth().oauth2(rep).contentType(ContentType.JSON).body(period("colleague@northwind.test", "2026-12-22", "2026-12-31"))
                .put("/api/v1/availability/{id}", id).then().statusCode(428);
        given().auth().oauth2(rep).contentType(ContentType.JSON).header("If-Match", "\"7\"")
                .body(period("colleague@northwind.test", "2026-12-22", "2026-12-31"))
                .put("/api/v1/availability/{id}", id).then().statusCode(412).contentType("application/problem+json");
        given().auth().oauth2(colleague).header("If-Match", "\"0\"").post("/api/v1/availability/{id}/cancel", id)
                .then().statusCode(403);

        // The vendor, another partner and another tenant do not see the partner's period.
        given().auth().oauth2(vm).get("/api/v1/availability/{id}", id).then().statusCode(404);
        given().auth().oauth2(DevTokens.token(tenant, UUID.randomUUID(), Roles.PARTNER_OWNER))
                .get("/api/v1/availability/{id}", id).then().statusCode(404);
        given().auth().oauth2(DevTokens.token(tenant, UUID.randomUUID(), Roles.PARTNER_OWNER)).header("If-Match", "\"0\"")
                .post("/api/v1/availability/{id}/cancel", id).then().statusCode(404);
        given().auth().oauth2(DevTokens.tokenFor("x-" + tenant, partner, "rep@northwind.test", Roles.CONTRIBUTOR))
                .get("/api/v1/availability/{id}", id).then().statusCode(404);
        given().auth().oauth2(DevTokens.tokenFor("x-" + tenant, partner, "rep@northwind.test", Roles.CONTRIBUTOR))
                .queryParam("from", "2026-01-01").get("/api/v1/availability").then().statusCode(200).body("items", hasSize(0));
        given().auth().oauth2(vm).queryParam("from", "2026-01-01").get("/api/v1/availability")
                .then().statusCode(200).body("items", hasSize(0));

        // Another partner does not learn who is away at this partnership.
        given().auth().oauth2(DevTokens.token(tenant, UUID.randomUUID(), Roles.PARTNER_OWNER))
                .queryParam("from", "2026-01-01").queryParam("to", "2026-12-31")
                .get("/api/v1/partnerships/{v}/{p}/away-in-closing-windows", vendor, partner).then().statusCode(404);
        given().auth().oauth2(po).queryParam("from", "2026-01-01")
                .get("/api/v1/availability").then().statusCode(200).body("items.availabilityId", equalTo(List.of(id)));
    }

    @Test
    void anOwnerDeclaresOnlyTheirOwnOrganisationsPeopleAway() {
        TestOrganisations.person(tenant, vendor, "vm@contoso.test");
        TestOrganisations.person(tenant, partner, "rep@northwind.test");
        // The partner's owner names the vendor's manager (known to the directory, but the vendor's): refused, nothing written.
        Map<String, Object> forVendorManager = period("po@northwind.test", "2026-12-21", "2026-12-31");
        forVendorManager.put("subject", "vm@contoso.test");
        given().auth().oauth2(po).contentType(ContentType.JSON).body(forVendorManager).post("/api/v1/availability")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("subject")).body("errors[0].message", containsString("your own organisation"));
        // Nor someone the directory does not know at all.
        forVendorManager.put("subject", "nobody@anywhere.test");
        given().auth().oauth2(po).contentType(ContentType.JSON).body(forVendorManager).post("/api/v1/availability")
                .then().statusCode(400).body("errors[0].field", equalTo("subject"));
        // The vendor's manager does not declare the partner's rep away either.
        Map<String, Object> forRep = period("vm@contoso.test", "2026-12-21", "2026-12-31");
        forRep.put("subject", "rep@northwind.test");
        given().auth().oauth2(vm).contentType(ContentType.JSON).body(forRep).post("/api/v1/availability")
                .then().statusCode(400).body("errors[0].field", equalTo("subject"));
        given().auth().oauth2(po).queryParam("from", "2026-01-01").get("/api/v1/availability")
                .then().statusCode(200).body("items", hasSize(0));
        given().auth().oauth2(vm).queryParam("from", "2026-01-01").get("/api/v1/availability")
                .then().statusCode(200).body("items", hasSize(0));
        // Their own people, and themselves, they do.
        forRep.put("delegateSubject", "po@northwind.test");
        given().auth().oauth2(po).contentType(ContentType.JSON).body(forRep).post("/api/v1/availability").then().statusCode(201);
        given().auth().oauth2(vm).contentType(ContentType.JSON).body(period("deputy@contoso.test", "2026-12-21", "2026-12-31"))
                .post("/api/v1/availability").then().statusCode(201).body("subject", equalTo("vm@contoso.test"));
    }

    @Test
    void theDelegateIsNeverAPersonOfAnotherOrganisation() {
        TestOrganisations.person(tenant, vendor, "vm@contoso.test");
        // The partner's owner names the vendor's manager to stand in: they would read the partner's notifications meanwhile.
        given().auth().oauth2(po).contentType(ContentType.JSON).body(period("vm@contoso.test", "2026-12-21", "2026-12-31"))
                .post("/api/v1/availability").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("delegateSubject")).body("errors[0].message", containsString("another organisation"));
        given().auth().oauth2(po).queryParam("from", "2026-01-01").get("/api/v1/availability")
                .then().statusCode(200).body("items", hasSize(0));
        // A colleague of the partner's own organisation stands in.
        TestOrganisations.person(tenant, partner, "colleague@northwind.test");
        given().auth().oauth2(po).contentType(ContentType.JSON).body(period("colleague@northwind.test", "2026-12-21", "2026-12-31"))
                .post("/api/v1/availability").then().statusCode(201).body("delegateSubject", equalTo("colleague@northwind.test"));
    }
}
