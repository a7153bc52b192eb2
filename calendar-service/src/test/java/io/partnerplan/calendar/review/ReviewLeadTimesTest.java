package io.partnerplan.calendar.review;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.partnerplan.platform.testing.SettableClock;
import io.partnerplan.platform.security.Roles;
import io.partnerplan.platform.testing.DevTokens;
import io.partnerplan.platform.testing.KafkaProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * review.due at each lead time (7 days, 1 day, on the day), once each, driven by the service's clock: on
 * time, after the job was down, for a review moved inside a lead time, and with two replicas at once.
 */
@QuarkusTest
class ReviewLeadTimesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Reviews reviews;

    @Inject
    SettableClock clock;

    private final String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
    private final UUID plan = UUID.randomUUID();
    private final UUID vendor = UUID.randomUUID();
    private final UUID partner = UUID.randomUUID();
    private final String vm = DevTokens.tokenFor(tenant, vendor, "vm@contoso.test", Roles.VENDOR_MANAGER);

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void eachLeadTimeIsAnnouncedOnceAndAnOutageCatchesUpWithTheLatestOnly() throws Exception {
        List<Map<String, Object>> schedule = agreePlan();
        String first = (String) schedule.get(0).get("id");
        LocalDate firstDue = LocalDate.parse((String) schedule.get(0).get("dueOn"));
        String second = (String) schedule.get(1).get("id");
        LocalDate secondDue = LocalDate.parse((String) schedule.get(1).get("dueOn"));
        String third = (String) schedule.get(2).get("id");
        LocalDate thirdDue = LocalDate.parse((String) schedule.get(2).get("dueOn"));

        // The first review, the job running every day from 9 days before: 7 days, 1 day, on the day.
        for (LocalDate day = firstDue.minusDays(9); !day.isAfter(firstDue.plusDays(1)); day = day.plusDays(1)) {
            clock.today(day);
            reviews.announceToday();
            reviews.announceToday();
        }
        given().auth().oauth2(vm).get("/api/v1/review-schedules/{plan}", plan).then().body("[0].status", equalTo("DUE"));

        // The second: the job is down from 9 days before until 3 days before, then runs again, with two replicas.
        clock.today(secondDue.minusDays(9));
        reviews.announceToday();
        for (LocalDate day = secondDue.minusDays(3); !day.isAfter(secondDue); day = day.plusDays(1)) {
            clock.today(day);
            twoReplicas();
        }

        // The third: the job is down from 9 days before until the day itself: only the on-the-day announcement
        // comes, not the stale week-ahead and day-before ones.
        clock.today(thirdDue.minusDays(9));
        reviews.announceToday();
        clock.today(thirdDue);
        reviews.announceToday();

        // The fourth is moved to the day after tomorrow, 5 weeks before its planned day: announced once, at
        // the lead time it lands in (7 days), then the day before and on the day; never for its old date.
        String fourth = (String) schedule.get(3).get("id");
        LocalDate fourthPlanned = LocalDate.parse((String) schedule.get(3).get("dueOn"));
        LocalDate today = fourthPlanned.minusDays(35);
        clock.today(today);
        reviews.announceToday();
        LocalDate moved = today.plusDays(2);
        given().auth().oauth2(vm).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(Map.of("dueOn", moved.toString()))
                .put("/api/v1/review-schedules/{plan}/reviews/{review}", plan, fourth).then().statusCode(200);
        for (LocalDate day = today; !day.isAfter(fourthPlanned); day = day.plusDays(1)) {
            clock.today(day);
            reviews.announceToday();
        }

        KafkaProbe.awaitRecord("partnerplan.calendar.events.v1", Duration.ofSeconds(30), r -> isDue(r, fourth, 0));
        List<ConsumerRecord<String, String>> due = KafkaProbe.allRecords("partnerplan.calendar.events.v1",
                Duration.ofSeconds(3), r -> plan.toString().equals(r.key())
                        && "io.partnerplan.review.due.v1".equals(KafkaProbe.header(r, "ce_type")));
        assertEquals(List.of(7L, 1L, 0L), daysUntilDue(due, first), "first review");
        assertEquals(List.of(3L, 1L, 0L), daysUntilDue(due, second), "second review, after the outage");
        assertEquals(List.of(0L), daysUntilDue(due, third), "third review, the job down until its day");
        assertEquals(List.of(2L, 1L, 0L), daysUntilDue(due, fourth), "fourth review, moved to the day after tomorrow");
    }

    private boolean isDue(ConsumerRecord<String, String> record, String review, long days) {
        return plan.toString().equals(record.key()) && "io.partnerplan.review.due.v1".equals(KafkaProbe.header(record, "ce_type"))
                && record.value().contains(review) && record.value().contains("\"daysUntilDue\":" + days + "}");
    }

    private static List<Long> daysUntilDue(List<ConsumerRecord<String, String>> records, String review) throws Exception {
        List<Long> days = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            JsonNode data = JSON.readTree(record.value());
            if (review.equals(data.path("reviewId").asText())) {
                days.add(data.path("daysUntilDue").asLong());
            }
        }
        return days;
    }

    /** Two job runs at once, as two replicas would: between them, each announcement is made once. */
    private void twoReplicas() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> run = () -> reviews.announceToday();
            Future<Integer> a = pool.submit(run);
            Future<Integer> b = pool.submit(run);
            a.get();
            b.get();
        } finally {
            pool.shutdown();
        }
    }

    private List<Map<String, Object>> agreePlan() {
        String data = """
                {"id":"%s","vendorOrganisationId":"%s","partnerOrganisationId":"%s","title":"FY42","status":"AGREED",
                 "horizonStart":"2041-02-01","horizonEnd":"2042-01-31","reviewCadence":"QUARTERLY","signOffs":[]}"""
                .formatted(plan, vendor, partner);
        KafkaProbe.send("partnerplan.plan.events.v1", plan.toString(), data,
                KafkaProbe.cloudEventHeaders(UUID.randomUUID().toString(), "io.partnerplan.plan.agreed.v1", plan.toString(), tenant));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(vm).get("/api/v1/review-schedules/{plan}", plan).then().statusCode(200).body("", hasSize(4)));
        return given().auth().oauth2(vm).get("/api/v1/review-schedules/{plan}", plan).then().extract().jsonPath().getList("");
    }
}
