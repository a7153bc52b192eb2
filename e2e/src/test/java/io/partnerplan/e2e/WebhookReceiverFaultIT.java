package io.partnerplan.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.partnerplan.platform.testing.DevTokens;
import io.restassured.http.ContentType;

/**
 * Four real webhook receivers of one tenant, subscribed to the same events: one answers at once, one
 * is slow (within the read timeout), one always answers 500, one hangs past the read timeout. The
 * healthy and slow ones get every event once, unaffected by the other two; the failing ones are retried
 * with a growing backoff until their attempts are spent, and the dead-letter list then holds exactly
 * their deliveries.
 */
class WebhookReceiverFaultIT {

    private static final int PLANS = 6;
    private static final int ATTEMPTS = 4;
    private static final Duration BACKOFF_INITIAL = Duration.ofSeconds(2);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(3);
    /** notification-service restarted with a short backoff, few attempts and no circuit breaker in the way. */
    private static final Map<String, String> FAST_WEBHOOKS = Map.of(
            "PARTNERPLAN_WEBHOOKS_INTERVAL", "0.2s",
            "PARTNERPLAN_WEBHOOKS_BACKOFF_INITIAL", BACKOFF_INITIAL.toSeconds() + "s",
            "PARTNERPLAN_WEBHOOKS_BACKOFF_MAX", "1m",
            "PARTNERPLAN_WEBHOOKS_MAX_ATTEMPTS", Integer.toString(ATTEMPTS),
            "PARTNERPLAN_WEBHOOKS_READ_TIMEOUT", READ_TIMEOUT.toSeconds() + "s",
            "PARTNERPLAN_WEBHOOKS_CIRCUIT_FAILURE_THRESHOLD", "1000");

    /** A receiver: how it answers, and every attempt it saw (delivery id → arrival times in ms). */
    record Receiver(String name, HttpServer server, Map<String, List<Long>> attempts) {

        static Receiver start(String name, int status, long delayMillis) throws IOException {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            Map<String, List<Long>> attempts = new ConcurrentHashMap<>();
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.createContext("/hooks", exchange -> answer(exchange, attempts, status, delayMillis));
            server.start();
            return new Receiver(name, server, attempts);
        }

        private static void answer(HttpExchange exchange, Map<String, List<Long>> attempts, int status, long delayMillis)
                throws IOException {
            long at = System.currentTimeMillis();
            exchange.getRequestBody().readAllBytes();
            String delivery = exchange.getRequestHeaders().getFirst("PartnerPlan-Delivery-Id");
            attempts.computeIfAbsent(delivery, k -> java.util.Collections.synchronizedList(new ArrayList<>())).add(at);
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            try {
                exchange.sendResponseHeaders(status, -1);
            } catch (IOException gone) {
                // The hanging receiver answers after the caller gave up.
            }
            exchange.close();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/" + name;
        }

        int calls() {
            return attempts.values().stream().mapToInt(List::size).sum();
        }
    }

    private static Receiver healthy;
    private static Receiver slow;
    private static Receiver failing;
    private static Receiver hanging;

    @BeforeAll
    static void receiversAndFastRetries() throws Exception {
        E2eStack.ensureUp();
        healthy = Receiver.start("healthy", 200, 0);
        slow = Receiver.start("slow", 200, 1_500);
        failing = Receiver.start("failing", 500, 0);
        hanging = Receiver.start("hanging", 200, 20_000);
        Faults.stop("notification-service");
        Faults.restartMissing(FAST_WEBHOOKS);
    }

    @AfterAll
    static void back() throws Exception {
        Faults.stop("notification-service");
        Faults.restartMissing(Map.of());
        for (Receiver r : new Receiver[] { healthy, slow, failing, hanging }) {
            if (r != null) {
                r.server().stop(0);
            }
        }
    }

    @Test
    void aFailingOrHangingReceiverDelaysNobodyElseIsRetriedWithBackoffAndEndsInTheDeadLetters() throws Exception {
        Faults.Tenant tenant = Faults.Tenant.create("webhooks");
        String admin = DevTokens.token(tenant.id(), null, "tenant-admin");
        Map<Receiver, String> subscriptions = new java.util.LinkedHashMap<>();
        for (Receiver r : List.of(healthy, slow, failing, hanging)) {
            subscriptions.put(r, given().auth().oauth2(admin).contentType(ContentType.JSON)
                    .body(Map.of("url", r.url(), "eventTypes", List.of("plan.created"), "description", r.name()))
                    .post("/api/v1/notifications/webhooks").then().statusCode(201).extract().path("id"));
        }

        long started = System.currentTimeMillis();
        List<String> plans = new ArrayList<>();
        for (int i = 0; i < PLANS; i++) {
            assertEquals(201, tenant.draftPlan("Webhook plan " + i, plans));
        }
        // The healthy receiver has everything while the hanging one is still being tried.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> healthy.attempts().size() == PLANS);
        long healthyDone = System.currentTimeMillis() - started;
        int hangingCallsThen = hanging.calls();
        long hangingDeadThen = Faults.count("notification", "select count(*) from delivery where tenant_id = ? and recipient = ?"
                + " and status = 'FAILED'", tenant.id(), subscriptions.get(hanging));

        String finished = "select count(*) from delivery where tenant_id = ? and channel = 'WEBHOOK' and status <> 'PENDING'";
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1)).until(() ->
                Faults.count("notification", finished, tenant.id()) == 4L * PLANS);
        Thread.sleep(2 * BACKOFF_INITIAL.toMillis()); // nothing more is attempted afterwards
        long allDone = System.currentTimeMillis() - started;

        // Reconciliation: plans → plan.created → one delivery per endpoint → its outcome.
        long events = Faults.count("plan", "select count(*) from outbox_event where tenant_id = ? and type like '%.plan.created.%'",
                tenant.id());
        StringBuilder report = new StringBuilder();
        Map<Receiver, long[]> byEndpoint = new java.util.LinkedHashMap<>();
        for (var entry : subscriptions.entrySet()) {
            Receiver r = entry.getKey();
            String sql = "select count(*) from delivery where tenant_id = ? and recipient = ? and status = ?";
            long sent = Faults.count("notification", sql, tenant.id(), entry.getValue(), "SENT");
            long failed = Faults.count("notification", sql, tenant.id(), entry.getValue(), "FAILED");
            long attempts = Faults.count("notification", "select coalesce(sum(attempts), 0) from delivery where tenant_id = ?"
                    + " and recipient = ?", tenant.id(), entry.getValue());
            byEndpoint.put(r, new long[] { sent, failed, attempts, r.attempts().size(), r.calls() });
            report.append(String.format("%n  %-8s deliveries sent %d, dead %d, attempts recorded %d; receiver saw %d deliveries in %d calls",
                    r.name(), sent, failed, attempts, r.attempts().size(), r.calls()));
        }
        long deadLetters = ((List<?>) given().auth().oauth2(admin).queryParam("limit", 100)
                .get("/api/v1/notifications/webhooks/dead-letters").then().statusCode(200).extract().path("items")).size();
        long deliveredEvents = Faults.count("notification", "select count(*) from outbox_event where tenant_id = ?"
                + " and type like '%.notification.delivered.%' and payload::jsonb ->> 'channel' = 'WEBHOOK'", tenant.id());
        long failedEvents = Faults.count("notification", "select count(*) from outbox_event where tenant_id = ?"
                + " and type like '%.notification.failed.%' and payload::jsonb ->> 'channel' = 'WEBHOOK'", tenant.id());

        List<Long> firstRetry = new ArrayList<>();
        List<Long> lastRetry = new ArrayList<>();
        List<String> offBackoff = new ArrayList<>();
        for (List<Long> times : failing.attempts().values()) {
            List<Long> sorted = times.stream().sorted().toList();
            for (int k = 1; k < sorted.size(); k++) {
                long waited = sorted.get(k) - sorted.get(k - 1);
                long full = BACKOFF_INITIAL.toMillis() << (k - 1);
                // Between half and all of initial·2^(k-1) (jitter), plus the dispatcher's tick and a busy machine.
                if (waited < full / 2 - 100 || waited > full + 2_500) {
                    offBackoff.add("retry " + k + " after " + waited + " ms (expected " + full / 2 + ".." + full + ")");
                }
            }
            firstRetry.add(sorted.get(1) - sorted.get(0));
            lastRetry.add(sorted.get(sorted.size() - 1) - sorted.get(sorted.size() - 2));
        }
        System.out.printf("Webhook receivers reconciliation: plans %d, plan.created %d; per endpoint:%s%n"
                        + "  dead-letter list %d, notification.delivered %d, notification.failed %d;"
                        + " healthy receiver complete after %d ms (hanging receiver then: %d calls, %d dead), all settled after %d ms;"
                        + " failing receiver's waits before retry 1: %s ms, before retry %d: %s ms%n",
                plans.size(), events, report, deadLetters, deliveredEvents, failedEvents, healthyDone, hangingCallsThen,
                hangingDeadThen, allDone, firstRetry, ATTEMPTS - 1, lastRetry);

        assertEquals(PLANS, plans.size());
        assertEquals(PLANS, events);
        for (Receiver ok : List.of(healthy, slow)) {
            long[] c = byEndpoint.get(ok);
            assertEquals(PLANS, c[0], ok.name() + ": every event delivered");
            assertEquals(0, c[1], ok.name() + ": no dead letter");
            assertEquals(PLANS, c[2], ok.name() + ": one attempt each");
            assertEquals(PLANS, c[3], ok.name() + ": each delivery received");
            assertEquals(PLANS, c[4], ok.name() + ": and received once");
        }
        for (Receiver bad : List.of(failing, hanging)) {
            long[] c = byEndpoint.get(bad);
            assertEquals(0, c[0], bad.name() + ": nothing counted as sent");
            assertEquals(PLANS, c[1], bad.name() + ": every delivery a dead letter");
            assertEquals((long) PLANS * ATTEMPTS, c[2], bad.name() + ": all attempts spent");
            assertEquals((long) PLANS * ATTEMPTS, c[4], bad.name() + ": the receiver saw each attempt");
        }
        assertTrue(hangingDeadThen < PLANS, "the healthy receiver should not have waited for the hanging one to be given up");
        assertEquals(2L * PLANS, deadLetters, "the dead-letter list holds the failing and hanging receivers' deliveries");
        assertEquals(2L * PLANS, deliveredEvents);
        assertEquals(2L * PLANS, failedEvents);
        assertTrue(offBackoff.isEmpty(), "retries off the backoff: " + offBackoff);
        double meanFirst = firstRetry.stream().mapToLong(Long::longValue).average().orElseThrow();
        double meanLast = lastRetry.stream().mapToLong(Long::longValue).average().orElseThrow();
        assertTrue(meanLast > 2 * meanFirst, "the backoff grows: first retry after " + meanFirst + " ms, last after " + meanLast + " ms");
    }
}
