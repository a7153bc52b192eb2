package io.partnerplan.calendar.fiscal;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
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

/** A retailer moves from a February-to-January year to a 4-5-4 calendar; history keeps the old one. */
@QuarkusTest
class FiscalCalendarVersionApiTest {

    private final String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
    private final UUID org = TestOrganisations.known(tenant, "PARTNER");
    private final String vm = DevTokens.token(tenant, TestOrganisations.known(tenant, "VENDOR"), Roles.VENDOR_MANAGER);
    private static final String BASE = "/api/v1/fiscal-calendars/{org}";
    private static final Map<String, Object> RETAIL_454 = Map.of("kind", "WEEKS_52_53", "yearNaming", "END_YEAR",
            "yearEndWeekday", "SATURDAY", "yearEndMonth", 1, "yearEndRule", "NEAREST", "periodPattern", "FOUR_FIVE_FOUR");

    private Map<String, Object> version(String effectiveFrom, Map<String, Object> calendar) {
        return Map.of("effectiveFrom", effectiveFrom, "calendar", calendar);
    }

    @Test
    void aNewVersionTakesEffectOnItsDateAndEarlierDatesKeepTheOldCalendar() {
        given().auth().oauth2(vm).contentType(ContentType.JSON).body(Map.of("startMonth", 2, "startDay", 1, "yearNaming", "END_YEAR"))
                .put(BASE, org).then().statusCode(201);
        given().auth().oauth2(vm).contentType(ContentType.JSON).body(version("2026-02-01", RETAIL_454))
                .post(BASE + "/versions", org).then().statusCode(428);
        given().auth().oauth2(vm).contentType(ContentType.JSON).header("If-Match", "\"5\"").body(version("2026-02-01", RETAIL_454))
                .post(BASE + "/versions", org).then().statusCode(412);
        given().auth().oauth2(vm).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(version("2026-02-01", RETAIL_454))
                .post(BASE + "/versions", org).then().statusCode(200).header("ETag", "\"1\"")
                .body("versions", hasSize(1)).body("versions[0].effectiveFrom", equalTo("2026-02-01"))
                .body("versions[0].definition.periodPattern", equalTo("FOUR_FIVE_FOUR"));

        ConsumerRecord<String, String> changed = KafkaProbe.awaitRecord("partnerplan.calendar.events.v1", Duration.ofSeconds(30),
                r -> org.toString().equals(r.key()) && "io.partnerplan.fiscal-calendar.changed.v1".equals(KafkaProbe.header(r, "ce_type"))
                        && r.value().contains("FOUR_FIVE_FOUR"));
        assertTrue(changed.value().contains("\"effectiveFrom\":\"2026-02-01\""), changed.value());

        // 15 January 2026: the old calendar (P12 is January); 15 March 2026: the 4-5-4 calendar's second period (5 weeks).
        given().auth().oauth2(vm).get(BASE + "/dates/2026-01-15", org).then().statusCode(200)
                .body("fiscalYear", equalTo(2026)).body("period", equalTo(12)).body("periodEnd", equalTo("2026-01-31"));
        given().auth().oauth2(vm).get(BASE + "/dates/2026-03-15", org).then().statusCode(200)
                .body("fiscalYear", equalTo(2027)).body("period", equalTo(2))
                .body("periodStart", equalTo("2026-03-01")).body("periodEnd", equalTo("2026-04-04"));
        given().auth().oauth2(vm).contentType(ContentType.JSON).body(Map.of("dates", List.of("2026-01-31", "2026-02-01")))
                .post(BASE + "/positions", org).then().statusCode(200)
                .body("fiscalYear", equalTo(List.of(2026, 2027))).body("yearEnd", equalTo(List.of("2026-01-31", "2027-01-30")));
        given().auth().oauth2(vm).get(BASE + "/years/2026/periods", org).then().statusCode(200)
                .body("", hasSize(12)).body("[11].end", equalTo("2026-01-31"));
        given().auth().oauth2(vm).get(BASE + "/years/2027/periods", org).then().statusCode(200)
                .body("", hasSize(12)).body("[0].start", equalTo("2026-02-01")).body("[0].end", equalTo("2026-02-28"));
    }

    /** The change of year end: a January year becomes a 52/53-week year ending on the last Saturday of September. */
    @Test
    void aChangeOfYearEndThroughAShortTransitionYear() {
        Map<String, Object> september = Map.of("kind", "WEEKS_52_53", "yearNaming", "END_YEAR", "yearEndWeekday", "SATURDAY",
                "yearEndMonth", 9, "yearEndRule", "LAST", "periodPattern", "FOUR_FOUR_FIVE");
        given().auth().oauth2(vm).contentType(ContentType.JSON).body(Map.of("startMonth", 2, "startDay", 1, "yearNaming", "END_YEAR"))
                .put(BASE, org).then().statusCode(201);
        // Without a transition the new calendar's year would not start on 1 February: refused, naming the transition.
        given().auth().oauth2(vm).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(version("2027-02-01", september))
                .post(BASE + "/versions", org).then().statusCode(422).body("errors[0].field", equalTo("effectiveFrom"));
        given().auth().oauth2(vm).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("effectiveFrom", "2027-02-01", "calendar", september, "transition", "SHORT"))
                .post(BASE + "/versions", org).then().statusCode(200).body("versions[0].transition", equalTo("SHORT"));

        given().auth().oauth2(vm).contentType(ContentType.JSON)
                .body(Map.of("dates", List.of("2027-01-31", "2027-02-01", "2027-09-25", "2027-09-26")))
                .post(BASE + "/positions", org).then().statusCode(200)
                .body("label", equalTo(List.of("FY27 Q4 P12 W53", "FY28 Q1 P1 W1", "FY28 Q3 P8 W34", "FY29 Q1 P1 W1")))
                .body("yearEnd", equalTo(List.of("2027-01-31", "2027-09-25", "2027-09-25", "2028-09-30")));
        given().auth().oauth2(vm).get(BASE + "/years/2028/periods", org).then().statusCode(200)
                .body("", hasSize(8)).body("[0].start", equalTo("2027-02-01")).body("[0].end", equalTo("2027-02-20"));
        given().auth().oauth2(vm).queryParam("from", "2027-01-01").queryParam("to", "2027-12-20").get(BASE + "/quarters", org)
                .then().statusCode(200).body("fiscalYear", equalTo(List.of(2027, 2028, 2028, 2028, 2029)))
                .body("quarter", equalTo(List.of(4, 1, 2, 3, 1)))
                .body("start", equalTo(List.of("2026-11-01", "2027-02-01", "2027-03-28", "2027-06-27", "2027-09-26")));
    }

    @Test
    void overlappingOrUnchainedVersionsAreRefusedAndNothingIsSaved() {
        given().auth().oauth2(vm).contentType(ContentType.JSON).body(Map.of("startMonth", 1, "startDay", 1, "yearNaming", "END_YEAR"))
                .put(BASE, org).then().statusCode(201);
        // A July year from 1 July 2026: the calendar year 2026 would be cut short.
        given().auth().oauth2(vm).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(version("2026-07-01", Map.of("startMonth", 7, "startDay", 1, "yearNaming", "END_YEAR")))
                .post(BASE + "/versions", org).then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("effectiveFrom")).body("detail", containsString("2026-12-31"));
        // Impossible calendars inside a version name their field.
        given().auth().oauth2(vm).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(version("2027-01-01", Map.of("startMonth", 2, "startDay", 30, "yearNaming", "END_YEAR")))
                .post(BASE + "/versions", org).then().statusCode(400).body("errors[0].field", containsString("startDay"));
        given().auth().oauth2(vm).get(BASE, org).then().statusCode(200).header("ETag", "\"0\"").body("versions", hasSize(0));

        // From 2027 the calendar year is named by its start: 2027 is still FY2027, after FY2026, so it chains.
        given().auth().oauth2(vm).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(version("2027-01-01", Map.of("startMonth", 1, "startDay", 1, "yearNaming", "START_YEAR")))
                .post(BASE + "/versions", org).then().statusCode(200);
        // A second version on the same day, or before the newest, overlaps it.
        given().auth().oauth2(vm).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(version("2027-01-01", Map.of("startMonth", 1, "startDay", 1, "yearNaming", "START_YEAR")))
                .post(BASE + "/versions", org).then().statusCode(409).body("type", containsString("calendar-version-overlap"));
        given().auth().oauth2(vm).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(version("2026-01-01", Map.of("startMonth", 1, "startDay", 1, "yearNaming", "END_YEAR")))
                .post(BASE + "/versions", org).then().statusCode(409);
        // Replacing the first definition so that the later version no longer chains is refused too.
        given().auth().oauth2(vm).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(Map.of("startMonth", 4, "startDay", 1, "yearNaming", "END_YEAR"))
                .put(BASE, org).then().statusCode(422).body("errors[0].field", equalTo("effectiveFrom"));
        // Another tenant or another partner cannot add versions.
        given().auth().oauth2(DevTokens.token("x-" + tenant, org, Roles.VENDOR_MANAGER)).contentType(ContentType.JSON)
                .header("If-Match", "\"1\"").body(version("2028-01-01", Map.of("startMonth", 1, "startDay", 1, "yearNaming", "START_YEAR")))
                .post(BASE + "/versions", org).then().statusCode(404);
        given().auth().oauth2(DevTokens.token(tenant, UUID.randomUUID(), Roles.PARTNER_OWNER)).contentType(ContentType.JSON)
                .header("If-Match", "\"1\"").body(version("2028-01-01", Map.of("startMonth", 1, "startDay", 1, "yearNaming", "START_YEAR")))
                .post(BASE + "/versions", org).then().statusCode(404); // another partner's calendar is not in their world
        given().auth().oauth2(vm).get(BASE, org).then().statusCode(200).header("ETag", "\"1\"").body("versions", hasSize(1));
    }
}
