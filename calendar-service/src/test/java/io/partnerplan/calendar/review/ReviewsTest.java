package io.partnerplan.calendar.review;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.partnerplan.platform.security.Roles;
import io.partnerplan.platform.testing.DevTokens;
import io.partnerplan.platform.testing.KafkaProbe;
import io.quarkus.test.junit.QuarkusTest;

/** plan.agreed arrives on the real broker; the review job announces what comes due, once. */
@QuarkusTest
class ReviewsTest {

    @Inject
    Reviews reviews;

    @Test
    void anAgreedPlanGetsItsScheduleAndReviewsAreAnnouncedAheadAndOnTheDayOnce() {
        String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
        UUID plan = UUID.randomUUID();
        UUID vendor = UUID.randomUUID();
        UUID partner = UUID.randomUUID();
        LocalDate start = LocalDate.of(2031, 2, 1);
        String data = """
                {"id":"%s","vendorOrganisationId":"%s","partnerOrganisationId":"%s","title":"FY32","status":"AGREED",
                 "horizonStart":"%s","horizonEnd":"%s","reviewCadence":"QUARTERLY","signOffs":[]}"""
                .formatted(plan, vendor, partner, start, start.plusYears(1).minusDays(1));
        KafkaProbe.send("partnerplan.plan.events.v1", plan.toString(), data,
                KafkaProbe.cloudEventHeaders(UUID.randomUUID().toString(), "io.partnerplan.plan.agreed.v1", plan.toString(), tenant));

        String token = DevTokens.token(tenant, partner, Roles.PARTNER_OWNER);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(token).get("/api/v1/review-schedules/{plan}", plan)
                        .then().statusCode(200).body("", hasSize(4))
                        .body("[0].dueOn", equalTo("2031-05-05")).body("[0].status", equalTo("SCHEDULED"))
                        // Three business days after the quarter ending Wednesday 30 April; the last on the horizon's last
                        // business day (31 January 2032 is a Saturday).
                        .body("[3].dueOn", equalTo("2032-01-30")));

        // Five days ahead: announced as upcoming; asking again the same day announces nothing more.
        assertTrue(reviews.announce(LocalDate.of(2031, 4, 30)) >= 1);
        ConsumerRecord<String, String> ahead = KafkaProbe.awaitRecord("partnerplan.calendar.events.v1", Duration.ofSeconds(30),
                r -> plan.toString().equals(r.key()) && "io.partnerplan.review.due.v1".equals(KafkaProbe.header(r, "ce_type")));
        assertTrue(ahead.value().contains("\"daysUntilDue\":5"), ahead.value());
        assertEquals(tenant, KafkaProbe.header(ahead, "ce_tenantid"));
        reviews.announce(LocalDate.of(2031, 4, 30));
        given().auth().oauth2(token).get("/api/v1/review-schedules/{plan}", plan).then().body("[0].status", equalTo("UPCOMING"));

        reviews.announce(LocalDate.of(2031, 5, 5));
        given().auth().oauth2(token).get("/api/v1/review-schedules/{plan}", plan).then().body("[0].status", equalTo("DUE"));
        reviews.announce(LocalDate.of(2031, 5, 13));
        given().auth().oauth2(token).get("/api/v1/review-schedules/{plan}", plan)
                .then().body("[0].status", equalTo("OVERDUE")).body("[1].status", equalTo("SCHEDULED"));

        // Nobody else sees the schedule.
        given().auth().oauth2(DevTokens.token(tenant, UUID.randomUUID(), Roles.PARTNER_OWNER))
                .get("/api/v1/review-schedules/{plan}", plan).then().statusCode(404);
        given().auth().oauth2(DevTokens.token("x-" + tenant, partner, Roles.PARTNER_OWNER))
                .get("/api/v1/review-schedules/{plan}", plan).then().statusCode(404);
    }

    @Test
    void aRenewedPlanKeepsItsReviewsUntilItsSuccessorIsAgreed() {
        String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
        UUID vendor = UUID.randomUUID();
        UUID partner = UUID.randomUUID();
        UUID old = UUID.randomUUID();
        UUID successor = UUID.randomUUID();
        String agreed = """
                {"id":"%s","vendorOrganisationId":"%s","partnerOrganisationId":"%s","title":"FY33","status":"AGREED",
                 "horizonStart":"%s","horizonEnd":"%s","reviewCadence":"QUARTERLY","signOffs":[]}""";
        send(tenant, old, "plan.agreed", agreed.formatted(old, vendor, partner, "2033-02-01", "2034-01-31"));
        String token = DevTokens.token(tenant, partner, Roles.PARTNER_OWNER);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(token)
                .get("/api/v1/review-schedules/{plan}", old).then().statusCode(200).body("", hasSize(4)));

        // Renewed into a draft: the running plan is still reviewed.
        send(tenant, old, "plan.renewed", """
                {"planId":"%s","successorPlanId":"%s","carriedActionIds":[]}""".formatted(old, successor));
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(token)
                .get("/api/v1/review-schedules/{plan}", old).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.everyItem(equalTo("SCHEDULED"))));

        // The successor agreed: the old plan's remaining reviews will not be held; the successor has its own.
        send(tenant, successor, "plan.agreed", agreed.formatted(successor, vendor, partner, "2034-02-01", "2035-01-31"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(token)
                .get("/api/v1/review-schedules/{plan}", old).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.everyItem(equalTo("CANCELLED"))));
        given().auth().oauth2(token).get("/api/v1/review-schedules/{plan}", successor).then().statusCode(200)
                .body("", hasSize(4)).body("status", org.hamcrest.Matchers.everyItem(equalTo("SCHEDULED")));
    }

    private static void send(String tenant, UUID key, String type, String data) {
        KafkaProbe.send("partnerplan.plan.events.v1", key.toString(), data,
                KafkaProbe.cloudEventHeaders(UUID.randomUUID().toString(), "io.partnerplan." + type + ".v1", key.toString(), tenant));
    }
}
