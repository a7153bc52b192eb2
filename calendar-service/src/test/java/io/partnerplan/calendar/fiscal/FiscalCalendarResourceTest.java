package io.partnerplan.calendar.fiscal;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.partnerplan.calendar.TestOrganisations;
import io.partnerplan.platform.security.Roles;
import io.partnerplan.platform.testing.DevTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class FiscalCalendarResourceTest {

    @Test
    void vendorAndPartnerCalendarsAnswerWhereADateFalls() {
        String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
        UUID vendor = TestOrganisations.known(tenant, "VENDOR");
        UUID partner = TestOrganisations.known(tenant, "PARTNER");
        String vm = DevTokens.token(tenant, vendor, Roles.VENDOR_MANAGER);
        String po = DevTokens.token(tenant, partner, Roles.PARTNER_OWNER);

        given().auth().oauth2(vm).contentType(ContentType.JSON)
                .body(Map.of("startMonth", 2, "startDay", 1, "yearNaming", "END_YEAR"))
                .put("/api/v1/fiscal-calendars/{org}", vendor).then().statusCode(201).header("ETag", "\"0\"");
        given().auth().oauth2(po).contentType(ContentType.JSON)
                .body(Map.of("startMonth", 1, "startDay", 1, "yearNaming", "END_YEAR"))
                .put("/api/v1/fiscal-calendars/{org}", partner).then().statusCode(201);

        given().auth().oauth2(po).get("/api/v1/fiscal-calendars/{org}/dates/2026-11-23", vendor)
                .then().statusCode(200).body("label", equalTo("FY27 Q4 P10 W43")).body("quarterEnd", equalTo("2027-01-31"));
        given().auth().oauth2(vm).get("/api/v1/fiscal-calendars/{org}/dates/2026-11-23", partner)
                .then().statusCode(200).body("label", equalTo("FY26 Q4 P11 W47")).body("quarterEnd", equalTo("2026-12-31"));

        // A CRM export's 10,000 close dates in one call; one more is refused.
        java.util.List<String> dates = java.util.stream.IntStream.range(0, 10_000)
                .mapToObj(i -> java.time.LocalDate.of(2020, 1, 1).plusDays(i).toString()).toList();
        given().auth().oauth2(po).contentType(ContentType.JSON).body(Map.of("dates", dates))
                .post("/api/v1/fiscal-calendars/{org}/positions", vendor).then().statusCode(200)
                .body("size()", equalTo(10_000)).body("[9999].date", equalTo("2047-05-18"));
        java.util.List<String> tooMany = new java.util.ArrayList<>(dates);
        tooMany.add("2050-01-01");
        given().auth().oauth2(po).contentType(ContentType.JSON).body(Map.of("dates", tooMany))
                .post("/api/v1/fiscal-calendars/{org}/positions", vendor).then().statusCode(400)
                .body("errors[0].field", equalTo("dates"));

        // Another tenant cannot read them.
        given().auth().oauth2(DevTokens.token("x-" + tenant, vendor, Roles.VENDOR_MANAGER))
                .get("/api/v1/fiscal-calendars/{org}", vendor).then().statusCode(404);
    }

    @Test
    void replacingNeedsIfMatchAndPartnersOnlySetTheirOwn() {
        String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
        UUID vendor = TestOrganisations.known(tenant, "VENDOR");
        String vm = DevTokens.token(tenant, vendor, Roles.VENDOR_MANAGER);
        Map<String, Object> july = Map.of("startMonth", 7, "startDay", 1, "yearNaming", "END_YEAR");
        given().auth().oauth2(vm).contentType(ContentType.JSON).body(july)
                .put("/api/v1/fiscal-calendars/{org}", vendor).then().statusCode(201);
        given().auth().oauth2(vm).contentType(ContentType.JSON).body(july)
                .put("/api/v1/fiscal-calendars/{org}", vendor).then().statusCode(428);
        given().auth().oauth2(vm).contentType(ContentType.JSON).body(july).header("If-Match", "\"0\"")
                .put("/api/v1/fiscal-calendars/{org}", vendor).then().statusCode(200).header("ETag", "\"1\"");

        String partnerOwner = DevTokens.token(tenant, UUID.randomUUID(), Roles.PARTNER_OWNER);
        given().auth().oauth2(partnerOwner).contentType(ContentType.JSON).body(july).header("If-Match", "\"1\"")
                .put("/api/v1/fiscal-calendars/{org}", vendor).then().statusCode(403);
    }

    @Test
    void invalidCalendarsNameTheField() {
        String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
        String vm = DevTokens.token(tenant, TestOrganisations.known(tenant, "VENDOR"), Roles.VENDOR_MANAGER);
        given().auth().oauth2(vm).contentType(ContentType.JSON)
                .body(Map.of("startMonth", 13, "startDay", 1, "yearNaming", "END_YEAR"))
                .put("/api/v1/fiscal-calendars/{org}", UUID.randomUUID())
                .then().statusCode(400).body("errors[0].field", equalTo("startMonth"));
        // Issue 4's impossible calendars: a year starting on 30 February, a 52/53-week year without its weekday.
        UUID org = TestOrganisations.known(tenant, "PARTNER");
        given().auth().oauth2(vm).contentType(ContentType.JSON)
                .body(Map.of("startMonth", 2, "startDay", 30, "yearNaming", "END_YEAR"))
                .put("/api/v1/fiscal-calendars/{org}", org)
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("startDay"));
        given().auth().oauth2(vm).contentType(ContentType.JSON)
                .body(Map.of("kind", "WEEKS_52_53", "yearNaming", "END_YEAR", "yearEndMonth", 1, "yearEndRule", "NEAREST",
                        "periodPattern", "FOUR_FIVE_FOUR"))
                .put("/api/v1/fiscal-calendars/{org}", org)
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("yearEndWeekday"));
        given().auth().oauth2(vm).get("/api/v1/fiscal-calendars/{org}", org).then().statusCode(404);
        given().auth().oauth2(vm).get("/api/v1/fiscal-calendars/{org}/dates/2026-02-30", UUID.randomUUID())
                .then().statusCode(400).body("errors[0].field", equalTo("date"));
    }
}
