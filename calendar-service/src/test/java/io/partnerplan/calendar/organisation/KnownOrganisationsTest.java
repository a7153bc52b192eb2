package io.partnerplan.calendar.organisation;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.partnerplan.calendar.TestOrganisations;
import io.partnerplan.platform.persistence.Ids;
import io.partnerplan.platform.security.Roles;
import io.partnerplan.platform.testing.DevTokens;
import io.partnerplan.platform.testing.KafkaProbe;
import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** The calendar answers only for the organisations plan-service announced in the caller's tenant. */
@QuarkusTest
class KnownOrganisationsTest {

    private static final Map<String, Object> JANUARY = Map.of("startMonth", 1, "startDay", 1, "yearNaming", "END_YEAR");

    private final String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
    private final UUID vendor = TestOrganisations.known(tenant, "VENDOR");
    private final UUID partner = TestOrganisations.known(tenant, "PARTNER");

    @Test
    void anotherTenantNamingOurOrganisationsFindsNothingAndWritesNothing() {
        // Someone of another tenant whose token claims our vendor's id as their organisation.
        String other = "x-" + tenant;
        String theirVm = DevTokens.token(other, vendor, Roles.VENDOR_MANAGER);
        String theirAdmin = DevTokens.token(other, UUID.randomUUID(), Roles.TENANT_ADMIN);

        long started = System.nanoTime();
        notFound(given().auth().oauth2(theirVm).contentType(ContentType.JSON).body(JANUARY)
                .put("/api/v1/fiscal-calendars/{org}", vendor).then(), vendor);
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        // Our organisation has arrived (in our tenant): theirs is refused without waiting for it.
        assertTrue(millis < KnownOrganisations.ARRIVAL_WAIT.toMillis(), "another tenant's organisation was waited for: " + millis + " ms");
        notFound(given().auth().oauth2(theirVm).contentType(ContentType.JSON)
                .body(Map.of("kind", "HOLIDAY", "name", "Winter break", "startsOn", "2026-12-24", "endsOn", "2026-12-31"))
                .post("/api/v1/fiscal-calendars/{org}/blocked-periods", vendor).then(), vendor);
        notFound(given().auth().oauth2(theirAdmin).get("/api/v1/fiscal-calendars/{org}/blocked-periods?from=2026-01-01&to=2026-12-31",
                vendor).then(), vendor);
        for (String view : new String[] { "quarter-ends?from=2026-01-01&to=2026-12-31", "mops",
                "away-in-closing-windows?from=2026-01-01&to=2026-12-31", "mop-candidates?start=2027-01-01" }) {
            given().auth().oauth2(theirVm).get("/api/v1/partnerships/{v}/{p}/" + view, vendor, partner)
                    .then().statusCode(404).contentType("application/problem+json");
        }
        notFound(given().auth().oauth2(theirVm).contentType(ContentType.JSON)
                .body(Map.of("vendorOrganisationId", vendor, "partnerOrganisationId", partner, "form", "SHARED_QUARTER_END",
                        "start", "2027-01-01"))
                .post("/api/v1/mops").then(), vendor);

        // Nothing landed in their tenant, and our own people still set our calendar.
        assertTrue(!TestOrganisations.isKnownSafely(other, vendor));
        given().auth().oauth2(DevTokens.token(tenant, vendor, Roles.VENDOR_MANAGER)).contentType(ContentType.JSON).body(JANUARY)
                .put("/api/v1/fiscal-calendars/{org}", vendor).then().statusCode(201);
        given().auth().oauth2(theirVm).get("/api/v1/fiscal-calendars/{org}", vendor).then().statusCode(404);
    }

    @Test
    void anOrganisationCreatedAMomentAgoIsWaitedForAndAnUnknownOneIsRefusedAtOnce() {
        String vm = DevTokens.token(tenant, vendor, Roles.VENDOR_MANAGER);
        // Created in plan-service and used straight away, before its announcement is consumed: the request waits for it.
        UUID fresh = TestOrganisations.announce(tenant, "PARTNER");
        given().auth().oauth2(vm).contentType(ContentType.JSON).body(JANUARY)
                .put("/api/v1/fiscal-calendars/{org}", fresh).then().statusCode(201);

        // An id nobody announced: an old or made-up one is refused without waiting.
        long started = System.nanoTime();
        notFound(given().auth().oauth2(vm).contentType(ContentType.JSON).body(JANUARY)
                .put("/api/v1/fiscal-calendars/{org}", UUID.randomUUID()).then(), null);
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        assertTrue(millis < KnownOrganisations.ARRIVAL_WAIT.toMillis(), "an unknown, not fresh id was waited for: " + millis + " ms");
        // A fresh id that never arrives is refused after the bounded wait.
        notFound(given().auth().oauth2(vm).contentType(ContentType.JSON).body(JANUARY)
                .put("/api/v1/fiscal-calendars/{org}", Ids.next()).then(), null);
    }

    @Test
    void updatesReplaceOlderVersionsAndAMalformedAnnouncementIsParked() throws Exception {
        TestOrganisations.announce(tenant, partner, "organisation.updated", "PARTNER", 3);
        await().atMost(Duration.ofSeconds(30)).until(() -> version(partner) == 3);
        // A late, older announcement (another event id) does not roll it back.
        String late = TestOrganisations.announce(tenant, partner, "organisation.updated", "PARTNER", 2);
        await().atMost(Duration.ofSeconds(30)).until(() -> processed(late));
        assertEquals(3, version(partner));

        String eventId = UUID.randomUUID().toString();
        KafkaProbe.sendUnchecked(TestOrganisations.PLAN_TOPIC, "not-a-uuid", """
                        {"id":"not-a-uuid","name":"Broken","kind":"PARTNER","timeZone":"UTC","externalIds":[],"createdAt":null,"version":0}""",
                KafkaProbe.cloudEventHeaders(eventId, "io.partnerplan.organisation.created.v1", "not-a-uuid", tenant));
        ConsumerRecord<String, String> parked = KafkaProbe.awaitRecord(TestOrganisations.PLAN_TOPIC + ".calendar.dlq",
                Duration.ofSeconds(60), r -> eventId.equals(KafkaProbe.header(r, "ce_id")));
        assertTrue(KafkaProbe.header(parked, "dead-letter-reason").contains("id"), KafkaProbe.header(parked, "dead-letter-reason"));
        // Consumption goes on.
        TestOrganisations.known(tenant, "PARTNER");
    }

    private static void notFound(ValidatableResponse answer, UUID organisation) {
        answer.statusCode(404).contentType("application/problem+json");
        if (organisation != null) {
            answer.body("detail", containsString(organisation.toString()));
        }
    }

    private static boolean processed(String eventId) throws Exception {
        try (Connection c = Arc.container().instance(AgroalDataSource.class).get().getConnection();
             PreparedStatement q = c.prepareStatement("select 1 from processed_event where consumer = 'calendar.plan-events' and event_id = ?")) {
            q.setString(1, eventId);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next();
            }
        }
    }

    private long version(UUID organisation) throws Exception {
        try (Connection c = Arc.container().instance(AgroalDataSource.class).get().getConnection();
             PreparedStatement q = c.prepareStatement(
                     "select version from known_organisation where tenant_id = ? and organisation_id = ?")) {
            q.setString(1, tenant);
            q.setObject(2, organisation);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? rs.getLong(1) : -2;
            }
        }
    }
}
