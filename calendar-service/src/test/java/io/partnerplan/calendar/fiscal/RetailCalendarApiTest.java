package io.partnerplan.calendar.fiscal;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.partnerplan.calendar.TestOrganisations;
import io.partnerplan.platform.security.Roles;
import io.partnerplan.platform.testing.DevTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** A retailer partner on the NRF 4-5-4 calendar, through the API. */
@QuarkusTest
class RetailCalendarApiTest {

    /** NRF 4-5-4: years end on the Saturday nearest the end of January, named by the year they start in. */
    private static final Map<String, Object> NRF = Map.of("kind", "WEEKS_52_53", "yearNaming", "START_YEAR",
            "yearEndWeekday", "SATURDAY", "yearEndMonth", 1, "yearEndRule", "NEAREST", "periodPattern", "FOUR_FIVE_FOUR");

    @Test
    void aFourFiveFourCalendarAnswersPositionsPeriodsAndQuarters() {
        String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
        UUID retailer = TestOrganisations.known(tenant, "PARTNER");
        String vm = DevTokens.token(tenant, TestOrganisations.known(tenant, "VENDOR"), Roles.VENDOR_MANAGER);
        given().auth().oauth2(vm).contentType(ContentType.JSON).body(NRF)
                .put("/api/v1/fiscal-calendars/{org}", retailer)
                .then().statusCode(201).body("definition.kind", equalTo("WEEKS_52_53"));

        // NRF fiscal 2023 ran 29 Jan 2023 – 3 Feb 2024 and had 53 weeks (nrf.com, 4-5-4 calendar).
        given().auth().oauth2(vm).contentType(ContentType.JSON)
                .body(Map.of("dates", List.of("2023-01-29", "2024-02-03", "2024-11-29")))
                .post("/api/v1/fiscal-calendars/{org}/positions", retailer)
                .then().statusCode(200).body("", hasSize(3))
                .body("[0].fiscalYear", equalTo(2023)).body("[0].week", equalTo(1))
                .body("[1].fiscalYear", equalTo(2023)).body("[1].week", equalTo(53))
                .body("[2].label", equalTo("FY24 Q4 P10 W43"));

        given().auth().oauth2(vm).get("/api/v1/fiscal-calendars/{org}/years/2024/periods", retailer)
                .then().statusCode(200).body("", hasSize(12))
                .body("[0].start", equalTo("2024-02-04")).body("[11].end", equalTo("2025-02-01"));
        given().auth().oauth2(vm).queryParam("from", "2024-12-01").queryParam("to", "2025-02-15")
                .get("/api/v1/fiscal-calendars/{org}/quarters", retailer)
                .then().statusCode(200).body("", hasSize(2))
                .body("[0].fiscalYear", equalTo(2024)).body("[0].quarter", equalTo(4))
                .body("[1].fiscalYear", equalTo(2025)).body("[1].quarter", equalTo(1));
    }

    @Test
    void anIncompleteCalendarNamesTheMissingFieldAndWritesNothing() {
        String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
        UUID org = TestOrganisations.known(tenant, "PARTNER");
        String vm = DevTokens.token(tenant, TestOrganisations.known(tenant, "VENDOR"), Roles.VENDOR_MANAGER);
        given().auth().oauth2(vm).contentType(ContentType.JSON)
                .body(Map.of("kind", "WEEKS_52_53", "yearNaming", "END_YEAR", "yearEndWeekday", "SATURDAY", "yearEndMonth", 1,
                        "yearEndRule", "LAST"))
                .put("/api/v1/fiscal-calendars/{org}", org)
                .then().statusCode(400).body("errors[0].field", equalTo("periodPattern"));
        given().auth().oauth2(vm).contentType(ContentType.JSON)
                .body(Map.of("kind", "WEEKS_52_53", "yearNaming", "END_YEAR", "yearEndWeekday", "SATURDAY", "yearEndMonth", 1,
                        "yearEndRule", "LAST", "periodPattern", "FOUR_FOUR_FIVE", "extraWeekPeriod", 13))
                .put("/api/v1/fiscal-calendars/{org}", org)
                .then().statusCode(400).body("errors[0].field", equalTo("extraWeekPeriod"));
        given().auth().oauth2(vm).contentType(ContentType.JSON).body(Map.of("yearNaming", "END_YEAR", "startMonth", 2))
                .put("/api/v1/fiscal-calendars/{org}", org)
                .then().statusCode(400).body("errors[0].field", equalTo("startDay"));
        given().auth().oauth2(vm).get("/api/v1/fiscal-calendars/{org}", org).then().statusCode(404);
        given().auth().oauth2(vm).contentType(ContentType.JSON).body(Map.of("dates", List.of()))
                .post("/api/v1/fiscal-calendars/{org}/positions", org)
                .then().statusCode(400).body("errors[0].field", equalTo("dates"));
    }
}
