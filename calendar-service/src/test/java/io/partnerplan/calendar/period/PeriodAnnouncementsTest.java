package io.partnerplan.calendar.period;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/** With an agreed MOP, the closing of its periods and of both parties' quarters is announced once. */
@QuarkusTest
class PeriodAnnouncementsTest {

    @Inject
    PeriodAnnouncements periods;

    @Test
    void closingAndClosedAreAnnouncedOncePerPeriodAndScope() {
        String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
        UUID vendor = TestOrganisations.known(tenant, "VENDOR");
        UUID partner = TestOrganisations.known(tenant, "PARTNER");
        String vm = DevTokens.token(tenant, vendor, Roles.VENDOR_MANAGER);
        String po = DevTokens.token(tenant, partner, Roles.PARTNER_OWNER);
        given().auth().oauth2(vm).contentType(ContentType.JSON).body(Map.of("startMonth", 2, "startDay", 1, "yearNaming", "END_YEAR"))
                .put("/api/v1/fiscal-calendars/{org}", vendor).then().statusCode(201);
        given().auth().oauth2(po).contentType(ContentType.JSON).body(Map.of("startMonth", 1, "startDay", 1, "yearNaming", "END_YEAR"))
                .put("/api/v1/fiscal-calendars/{org}", partner).then().statusCode(201);
        String mop = given().auth().oauth2(po).contentType(ContentType.JSON)
                .body(Map.of("vendorOrganisationId", vendor.toString(), "partnerOrganisationId", partner.toString(),
                        "form", "SHARED_QUARTER_END", "start", "2027-02-01"))
                .post("/api/v1/mops").then().statusCode(201).extract().path("id");
        given().auth().oauth2(vm).header("If-Match", "\"0\"").post("/api/v1/mops/{id}/accept", mop).then().statusCode(200);

        // 2027-05-20: the MOP's first quarter ends 31 May (11 days), the partner's 30 June is 41 days away,
        // the vendor's 30 April ended 20 days ago (beyond the 7-day look-back).
        assertTrue(periods.announceAll(LocalDate.of(2027, 5, 20)) >= 1);
        periods.announceAll(LocalDate.of(2027, 5, 21));
        // 2027-06-01: the MOP quarter closed yesterday.
        periods.announceAll(LocalDate.of(2027, 6, 1));

        List<ConsumerRecord<String, String>> events = KafkaProbe.allRecords("partnerplan.calendar.events.v1",
                Duration.ofSeconds(4), r -> mop.equals(r.key()) && KafkaProbe.header(r, "ce_type").startsWith("io.partnerplan.period."));
        List<String> seen = events.stream()
                .map(r -> KafkaProbe.header(r, "ce_type") + " " + new io.restassured.path.json.JsonPath(r.value()).getString("scope")
                        + " " + new io.restassured.path.json.JsonPath(r.value()).getString("periodEnd"))
                .toList();
        assertEquals(List.of("io.partnerplan.period.closing.v1 MOP 2027-05-31", "io.partnerplan.period.closed.v1 MOP 2027-05-31"),
                seen.stream().filter(s -> s.contains("MOP 2027-05-31")).toList(), seen.toString());
        // On 1 June the partner's quarter (30 June) is within its 14-day window? No: 29 days. Nothing for it yet.
        assertTrue(seen.stream().noneMatch(s -> s.contains("PARTNER")), seen.toString());

        periods.announceAll(LocalDate.of(2027, 6, 20));
        List<ConsumerRecord<String, String>> partnerClosing = KafkaProbe.allRecords("partnerplan.calendar.events.v1",
                Duration.ofSeconds(4), r -> mop.equals(r.key()) && r.value().contains("\"PARTNER\"")
                        && "io.partnerplan.period.closing.v1".equals(KafkaProbe.header(r, "ce_type")));
        assertEquals(1, partnerClosing.size());
        assertEquals(tenant, KafkaProbe.header(partnerClosing.get(0), "ce_tenantid"));
    }
}
