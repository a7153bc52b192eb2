package io.partnerplan.calendar.period;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.partnerplan.calendar.TestOrganisations;
import io.partnerplan.platform.security.Roles;
import io.partnerplan.platform.testing.DevTokens;
import io.partnerplan.platform.testing.KafkaProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The article's anecdote told ahead: the partner's owner will be on holiday in the last days of the
 * MOP's first quarter; six weeks before the closing window opens both sides hear of it, once.
 */
@QuarkusTest
class ClosingWindowConflictsTest {

    @Inject
    ClosingWindowConflicts conflicts;

    @Test
    void anAbsenceInTheMopsClosingWindowIsAnnouncedAheadOnceWithItsDelegateAndACancelledOneNever() {
        String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
        UUID vendor = TestOrganisations.known(tenant, "VENDOR");
        UUID partner = TestOrganisations.known(tenant, "PARTNER");
        String vm = DevTokens.tokenFor(tenant, vendor, "vm@contoso.test", Roles.VENDOR_MANAGER);
        String po = DevTokens.tokenFor(tenant, partner, "po@northwind.test", Roles.PARTNER_OWNER);
        given().auth().oauth2(vm).contentType(ContentType.JSON).body(Map.of("startMonth", 2, "startDay", 1, "yearNaming", "END_YEAR"))
                .put("/api/v1/fiscal-calendars/{org}", vendor).then().statusCode(201);
        given().auth().oauth2(po).contentType(ContentType.JSON).body(Map.of("startMonth", 1, "startDay", 1, "yearNaming", "END_YEAR"))
                .put("/api/v1/fiscal-calendars/{org}", partner).then().statusCode(201);
        String mop = given().auth().oauth2(po).contentType(ContentType.JSON)
                .body(Map.of("vendorOrganisationId", vendor.toString(), "partnerOrganisationId", partner.toString(),
                        "form", "SHARED_QUARTER_END", "start", "2027-02-01"))
                .post("/api/v1/mops").then().statusCode(201).extract().path("id");
        given().auth().oauth2(vm).header("If-Match", "\"0\"").post("/api/v1/mops/{id}/accept", mop).then().statusCode(200);

        // The partner owner away over the end of MOP Q1 (31 May); the vendor manager's absence over the
        // vendor's quarter-end of 31 July is cancelled before its window comes near.
        String holiday = given().auth().oauth2(po).contentType(ContentType.JSON).body(Map.of("delegateSubject", "petra@northwind.test",
                "startsOn", "2027-05-28", "endsOn", "2027-06-11")).post("/api/v1/availability").then().statusCode(201).extract().path("availabilityId");
        String cancelled = given().auth().oauth2(vm).contentType(ContentType.JSON).body(Map.of("delegateSubject", "vic@contoso.test",
                "startsOn", "2027-07-26", "endsOn", "2027-08-06")).post("/api/v1/availability").then().statusCode(201).extract().path("availabilityId");
        given().auth().oauth2(vm).header("If-Match", "\"0\"").post("/api/v1/availability/{id}/cancel", cancelled).then().statusCode(200);

        // 1 April: MOP Q1's window (18 to 31 May) opens in 47 days, beyond the 42-day lead: not yet.
        conflicts.announceAll(LocalDate.of(2027, 4, 1));
        // 15 April: 33 days ahead: announced; the next day and inside the window: not again.
        conflicts.announceAll(LocalDate.of(2027, 4, 15));
        conflicts.announceAll(LocalDate.of(2027, 4, 16));
        conflicts.announceAll(LocalDate.of(2027, 5, 29));
        // 1 July: the cancelled absence over the vendor's 31 July quarter-end is never announced.
        conflicts.announceAll(LocalDate.of(2027, 7, 1));

        List<ConsumerRecord<String, String>> announced = KafkaProbe.allRecords("partnerplan.calendar.events.v1", Duration.ofSeconds(4),
                r -> (holiday.equals(r.key()) || cancelled.equals(r.key()))
                        && "io.partnerplan.availability.conflict.v1".equals(KafkaProbe.header(r, "ce_type")));
        assertEquals(1, announced.size(), announced.toString());
        JsonPath data = new JsonPath(announced.get(0).value());
        assertEquals(holiday, data.getString("availabilityId"));
        assertEquals(mop, data.getString("mopId"));
        assertEquals("PARTNER", data.getString("side"));
        assertEquals("po@northwind.test", data.getString("subject"));
        assertEquals("petra@northwind.test", data.getString("delegateSubject"));
        assertEquals("MOP", data.getString("scope"));
        assertEquals("MOP Q1", data.getString("label"));
        assertEquals("2027-05-18", data.getString("closingFrom"));
        assertEquals("2027-05-31", data.getString("periodEnd"));
        assertEquals("2027-05-28", data.getString("awayFrom"));
        assertEquals("2027-05-31", data.getString("awayTo"));
        assertEquals(33, data.getInt("daysUntilClosing"));
        assertEquals(tenant, KafkaProbe.header(announced.get(0), "ce_tenantid"));
    }
}
