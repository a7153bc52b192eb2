package io.partnerplan.calendar.blocked;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.partnerplan.calendar.TestOrganisations;
import io.partnerplan.platform.security.Roles;
import io.partnerplan.platform.testing.DevTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Each organisation declares its holidays and blackout periods; the partnership sees both sides' side by side. */
@QuarkusTest
class BlockedPeriodApiTest {

    private final String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
    private final UUID vendor = TestOrganisations.known(tenant, "VENDOR");
    private final UUID partner = TestOrganisations.known(tenant, "PARTNER");
    private final String vm = DevTokens.tokenFor(tenant, vendor, "vm@contoso.test", Roles.VENDOR_MANAGER);
    private final String po = DevTokens.tokenFor(tenant, partner, "po@northwind.test", Roles.PARTNER_OWNER);
    private static final String PATH = "/api/v1/fiscal-calendars/{org}/blocked-periods";

    @Test
    void bothSidesHolidaysAndBlackoutsShowSideBySideAndOnlyTheirOwnOrganisationEditsThem() {
        given().auth().oauth2(vm).contentType(ContentType.JSON).body(Map.of("startMonth", 2, "startDay", 1, "yearNaming", "END_YEAR"))
                .put("/api/v1/fiscal-calendars/{org}", vendor).then().statusCode(201);
        given().auth().oauth2(po).contentType(ContentType.JSON).body(Map.of("startMonth", 1, "startDay", 1, "yearNaming", "END_YEAR"))
                .put("/api/v1/fiscal-calendars/{org}", partner).then().statusCode(201);
        String freeze = given().auth().oauth2(vm).contentType(ContentType.JSON)
                .body(Map.of("kind", "BLACKOUT", "name", "Year-end freeze", "startsOn", "2027-01-20", "endsOn", "2027-02-05"))
                .post(PATH, vendor).then().statusCode(201).header("ETag", "\"0\"").body("kind", equalTo("BLACKOUT"))
                .extract().path("id");
        given().auth().oauth2(DevTokens.token(tenant, partner, Roles.CONTRIBUTOR)).contentType(ContentType.JSON)
                .body(Map.of("kind", "HOLIDAY", "name", "Christmas", "startsOn", "2026-12-24", "endsOn", "2026-12-26"))
                .post(PATH, partner).then().statusCode(201);

        // Before the two propose a MOP to each other, each sees only its own days off.
        given().auth().oauth2(po).queryParam("from", "2026-12-01").queryParam("to", "2027-03-31")
                .get("/api/v1/partnerships/{v}/{p}/quarter-ends", vendor, partner).then().statusCode(200)
                .body("blockedPeriods.name", equalTo(java.util.List.of("Christmas")));
        given().auth().oauth2(vm).contentType(ContentType.JSON)
                .body(Map.of("vendorOrganisationId", vendor, "partnerOrganisationId", partner, "form", "VENDOR_CALENDAR",
                        "start", "2027-02-01"))
                .post("/api/v1/mops").then().statusCode(201);
        given().auth().oauth2(po).queryParam("from", "2026-12-01").queryParam("to", "2027-03-31")
                .get("/api/v1/partnerships/{v}/{p}/quarter-ends", vendor, partner).then().statusCode(200)
                .body("blockedPeriods", hasSize(2))
                .body("blockedPeriods[0].name", equalTo("Christmas")).body("blockedPeriods[0].organisationId", equalTo(partner.toString()))
                .body("blockedPeriods[1].name", equalTo("Year-end freeze"));

        // Nobody declares or reads another organisation's periods; viewers do not declare.
        given().auth().oauth2(po).contentType(ContentType.JSON)
                .body(Map.of("kind", "HOLIDAY", "name", "x", "startsOn", "2027-01-01", "endsOn", "2027-01-01"))
                .post(PATH, vendor).then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(po).queryParam("from", "2026-01-01").queryParam("to", "2027-12-31").get(PATH, vendor)
                .then().statusCode(404);
        given().auth().oauth2(DevTokens.token("x-" + tenant, vendor, Roles.VENDOR_MANAGER))
                .queryParam("from", "2026-01-01").queryParam("to", "2027-12-31").get(PATH, vendor)
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(DevTokens.token("x-" + tenant, vendor, Roles.VENDOR_MANAGER)).header("If-Match", "\"0\"")
                .delete(PATH + "/{id}", vendor, freeze).then().statusCode(404);
        given().auth().oauth2(DevTokens.token(tenant, vendor, Roles.VIEWER)).contentType(ContentType.JSON)
                .body(Map.of("kind", "HOLIDAY", "name", "x", "startsOn", "2027-01-01", "endsOn", "2027-01-01"))
                .post(PATH, vendor).then().statusCode(403);

        // Bad input names the field.
        given().auth().oauth2(vm).contentType(ContentType.JSON)
                .body(Map.of("kind", "HOLIDAY", "name", "x", "startsOn", "2027-01-02", "endsOn", "2027-01-01"))
                .post(PATH, vendor).then().statusCode(400).body("errors[0].field", equalTo("endsOn"));
        given().auth().oauth2(vm).contentType(ContentType.JSON)
                .body(Map.of("kind", "VACATION", "name", "x", "startsOn", "2027-01-01", "endsOn", "2027-01-01"))
                .post(PATH, vendor).then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(vm).queryParam("from", "2027-01-01").get(PATH, vendor)
                .then().statusCode(400).body("errors[0].field", equalTo("to"));

        // Withdrawing needs the current version.
        given().auth().oauth2(vm).header("If-Match", "\"4\"").delete(PATH + "/{id}", vendor, freeze).then().statusCode(412);
        given().auth().oauth2(vm).header("If-Match", "\"0\"").delete(PATH + "/{id}", vendor, freeze).then().statusCode(204);
        given().auth().oauth2(vm).queryParam("from", "2026-01-01").queryParam("to", "2027-12-31").get(PATH, vendor)
                .then().statusCode(200).body("", hasSize(0));
    }
}
