package io.partnerplan.calendar.review;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
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

/**
 * A plan's reviews skip both organisations' holidays; plan-service's review.completed closes them
 * (named or the earliest open one, once); a single review can be moved.
 */
@QuarkusTest
class ReviewLifecycleTest {

    private static final String PLAN_TOPIC = "partnerplan.plan.events.v1";

    @Inject
    Reviews reviews;

    private final String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
    private final UUID plan = UUID.randomUUID();
    private final UUID vendor = TestOrganisations.known(tenant, "VENDOR");
    private final UUID partner = TestOrganisations.known(tenant, "PARTNER");
    private final String vm = DevTokens.tokenFor(tenant, vendor, "vm@contoso.test", Roles.VENDOR_MANAGER);
    private final String po = DevTokens.tokenFor(tenant, partner, "po@northwind.test", Roles.PARTNER_OWNER);

    private void agreePlan() {
        String data = """
                {"id":"%s","vendorOrganisationId":"%s","partnerOrganisationId":"%s","title":"FY32","status":"AGREED",
                 "horizonStart":"2031-02-01","horizonEnd":"2032-01-31","reviewCadence":"QUARTERLY","signOffs":[]}"""
                .formatted(plan, vendor, partner);
        KafkaProbe.send(PLAN_TOPIC, plan.toString(), data,
                KafkaProbe.cloudEventHeaders(UUID.randomUUID().toString(), "io.partnerplan.plan.agreed.v1", plan.toString(), tenant));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(po).get("/api/v1/review-schedules/{plan}", plan).then().statusCode(200).body("", hasSize(4)));
    }

    private void held(String eventId, UUID heldReviewId, String scheduledReviewId) {
        String data = """
                {"reviewId":"%s","planId":"%s","scheduledReviewId":%s,"heldOn":"2031-05-08","attendees":[],"notes":"",
                 "decisions":[],"kpiSnapshot":null,"actionIds":[]}"""
                .formatted(heldReviewId, plan, scheduledReviewId == null ? "null" : "\"" + scheduledReviewId + "\"");
        Map<String, String> headers = KafkaProbe.cloudEventHeaders(eventId, "io.partnerplan.review.completed.v1", plan.toString(), tenant);
        if ("not-a-uuid".equals(scheduledReviewId)) {
            KafkaProbe.sendUnchecked(PLAN_TOPIC, plan.toString(), data, headers); // what no producer may send
        } else {
            KafkaProbe.send(PLAN_TOPIC, plan.toString(), data, headers);
        }
    }

    @Test
    void holidaysPushReviewsAndHeldReviewsCloseTheirOccurrenceOnceAndStopBeingAnnounced() {
        // The partner's 1-2 May holidays: the first review moves from Monday 5 May to Wednesday 7 May 2031.
        given().auth().oauth2(po).contentType(ContentType.JSON)
                .body(Map.of("kind", "HOLIDAY", "name", "May Day bridge", "startsOn", "2031-05-01", "endsOn", "2031-05-02"))
                .post("/api/v1/fiscal-calendars/{org}/blocked-periods", partner).then().statusCode(201);
        agreePlan();
        String first = given().auth().oauth2(po).get("/api/v1/review-schedules/{plan}", plan).then()
                .body("[0].dueOn", equalTo("2031-05-07")).extract().path("[0].id");
        String third = given().auth().oauth2(po).get("/api/v1/review-schedules/{plan}", plan).then().extract().path("[2].id");

        // Held without naming an occurrence: the earliest open one closes; the same event again, or the same held
        // review reported under a new event id, closes nothing more.
        UUID heldFirst = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        held(eventId, heldFirst, null);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(po).get("/api/v1/review-schedules/{plan}", plan).then()
                        .body("[0].status", equalTo("COMPLETED")).body("[0].completedOn", equalTo("2031-05-08"))
                        .body("[0].heldReviewId", equalTo(heldFirst.toString())));
        held(eventId, heldFirst, null);
        held(UUID.randomUUID().toString(), heldFirst, null);
        // Held naming the third occurrence: that one closes, the second stays open.
        held(UUID.randomUUID().toString(), UUID.randomUUID(), third);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(po).get("/api/v1/review-schedules/{plan}", plan).then()
                        .body("[2].status", equalTo("COMPLETED")));
        String second = given().auth().oauth2(po).get("/api/v1/review-schedules/{plan}", plan).then()
                .body("[0].id", equalTo(first)).body("[1].status", equalTo("SCHEDULED")).body("[3].status", equalTo("SCHEDULED"))
                .extract().path("[1].id");

        // Long after: the open ones are overdue, the held ones are never announced.
        reviews.announce(LocalDate.of(2032, 6, 1));
        given().auth().oauth2(po).get("/api/v1/review-schedules/{plan}", plan).then()
                .body("status", equalTo(java.util.List.of("COMPLETED", "OVERDUE", "COMPLETED", "OVERDUE")));
        KafkaProbe.awaitRecord("partnerplan.calendar.events.v1", Duration.ofSeconds(30),
                r -> plan.toString().equals(r.key()) && "io.partnerplan.review.overdue.v1".equals(KafkaProbe.header(r, "ce_type"))
                        && r.value().contains(second));
        boolean announcedHeld = KafkaProbe.allRecords("partnerplan.calendar.events.v1", Duration.ofSeconds(3),
                        r -> plan.toString().equals(r.key()) && (r.value().contains(first) || r.value().contains(third)))
                .stream().anyMatch(r -> KafkaProbe.header(r, "ce_type").startsWith("io.partnerplan.review.due")
                        || KafkaProbe.header(r, "ce_type").startsWith("io.partnerplan.review.overdue"));
        assertTrue(!announcedHeld, "a held review was announced");
    }

    @Test
    void aMalformedReviewCompletedIsParkedAndAMistypedOccurrenceClosesTheDueOne() {
        agreePlan();
        String eventId = UUID.randomUUID().toString();
        held(eventId, UUID.randomUUID(), "not-a-uuid");
        ConsumerRecord<String, String> parked = KafkaProbe.awaitRecord(PLAN_TOPIC + ".calendar.dlq", Duration.ofSeconds(60),
                r -> eventId.equals(KafkaProbe.header(r, "ce_id")));
        assertEquals(plan.toString(), parked.key());
        given().auth().oauth2(po).get("/api/v1/review-schedules/{plan}", plan).then()
                .body("status", equalTo(java.util.List.of("SCHEDULED", "SCHEDULED", "SCHEDULED", "SCHEDULED")));
        // A review held naming an occurrence the plan does not have (a mistyped id) still closes the
        // review that is due, rather than leaving it announced forever.
        held(UUID.randomUUID().toString(), UUID.randomUUID(), UUID.randomUUID().toString());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(po)
                .get("/api/v1/review-schedules/{plan}", plan).then()
                .body("status", equalTo(java.util.List.of("COMPLETED", "SCHEDULED", "SCHEDULED", "SCHEDULED"))));
    }

    @Test
    void oneReviewMovesWithIfMatchAndTheScheduleIsRepublished() {
        agreePlan();
        String second = given().auth().oauth2(vm).get("/api/v1/review-schedules/{plan}", plan).then()
                .body("[1].dueOn", equalTo("2031-08-05")).body("[1].version", equalTo(0)).extract().path("[1].id");
        String path = "/api/v1/review-schedules/{plan}/reviews/{id}";

        given().auth().oauth2(vm).contentType(ContentType.JSON).body(Map.of("dueOn", "2031-08-12"))
                .put(path, plan, second).then().statusCode(428);
        given().auth().oauth2(vm).contentType(ContentType.JSON).header("If-Match", "\"3\"").body(Map.of("dueOn", "2031-08-12"))
                .put(path, plan, second).then().statusCode(412).contentType("application/problem+json");
        // Onto another review's day, into the past, or without a date: refused.
        String thirdDay = given().auth().oauth2(vm).get("/api/v1/review-schedules/{plan}", plan).then().extract().path("[2].dueOn");
        given().auth().oauth2(vm).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(Map.of("dueOn", thirdDay))
                .put(path, plan, second).then().statusCode(409).body("errors[0].field", equalTo("dueOn"));
        given().auth().oauth2(vm).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(Map.of("dueOn", "2020-01-06"))
                .put(path, plan, second).then().statusCode(400).body("errors[0].field", equalTo("dueOn"));
        given().auth().oauth2(vm).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(Map.of())
                .put(path, plan, second).then().statusCode(400).contentType("application/problem+json");
        // Strangers do not find it; a contributor of a party may not move it.
        given().auth().oauth2(DevTokens.token(tenant, UUID.randomUUID(), Roles.PARTNER_OWNER)).contentType(ContentType.JSON)
                .header("If-Match", "\"0\"").body(Map.of("dueOn", "2031-08-12")).put(path, plan, second).then().statusCode(404);
        given().auth().oauth2(DevTokens.token("x-" + tenant, partner, Roles.PARTNER_OWNER)).contentType(ContentType.JSON)
                .header("If-Match", "\"0\"").body(Map.of("dueOn", "2031-08-12")).put(path, plan, second).then().statusCode(404);
        given().auth().oauth2(DevTokens.token(tenant, partner, Roles.CONTRIBUTOR)).contentType(ContentType.JSON)
                .header("If-Match", "\"0\"").body(Map.of("dueOn", "2031-08-12")).put(path, plan, second).then().statusCode(403);

        given().auth().oauth2(vm).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(Map.of("dueOn", "2031-08-12"))
                .put(path, plan, second).then().statusCode(200).header("ETag", "\"1\"")
                .body("dueOn", equalTo("2031-08-12")).body("plannedOn", equalTo("2031-08-05")).body("status", equalTo("SCHEDULED"));
        KafkaProbe.awaitRecord("partnerplan.calendar.events.v1", Duration.ofSeconds(30),
                r -> plan.toString().equals(r.key()) && "io.partnerplan.review.scheduled.v1".equals(KafkaProbe.header(r, "ce_type"))
                        && r.value().contains("\"dueOn\":\"2031-08-12\""));

        // plan.agreed again (e.g. after an amendment) keeps the moved review where it was moved to.
        agreePlan();
        given().auth().oauth2(po).get("/api/v1/review-schedules/{plan}", plan).then().body("", hasSize(4))
                .body("[1].id", equalTo(second)).body("[1].dueOn", equalTo("2031-08-12"));

        // Announced for its new day: 7 days before 12 August, not before 5 August.
        reviews.announce(LocalDate.of(2031, 8, 4));
        given().auth().oauth2(po).get("/api/v1/review-schedules/{plan}", plan).then().body("[1].status", equalTo("SCHEDULED"));
        reviews.announce(LocalDate.of(2031, 8, 5));
        given().auth().oauth2(po).get("/api/v1/review-schedules/{plan}", plan).then().body("[1].status", equalTo("UPCOMING"));
    }
}
