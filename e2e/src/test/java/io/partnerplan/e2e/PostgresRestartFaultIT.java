package io.partnerplan.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.response.Response;

/**
 * PostgreSQL restarts (fast shutdown: every session cut) while plans are being drafted and read
 * through the gateway. Requests in flight fail cleanly (503 problem+json with Retry-After, never a
 * 500), the services come back without being restarted themselves, and every plan that was answered
 * 201 — and every one committed at all — reaches the inbox exactly once.
 */
class PostgresRestartFaultIT {

    private static final List<String> SERVICES = List.of("plan-service", "kpi-service", "calendar-service", "notification-service");

    @BeforeAll
    static void stack() throws Exception {
        E2eStack.ensureUp();
    }

    @Test
    void requestsFailCleanlyDuringARestartAndNothingIsLostAfterIt() throws Exception {
        Faults.Tenant tenant = Faults.Tenant.create("pg-restart");
        Map<String, Long> pids = new TreeMap<>();
        for (String svc : SERVICES) {
            pids.put(svc, Faults.service(svc).pid());
        }
        List<String> created = new ArrayList<>();
        Map<String, LongAdder> statuses = new ConcurrentHashMap<>();
        List<String> unclean = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger n = new AtomicInteger();
        List<Thread> load = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            load.add(Thread.ofPlatform().start(() -> {
                while (running.get()) {
                    int i = n.incrementAndGet();
                    try {
                        if (i % 2 == 0) {
                            int status = tenant.draftPlan("Under load " + i, created);
                            statuses.computeIfAbsent("POST /plans " + status, k -> new LongAdder()).increment();
                            if (status != 201 && status != 503) {
                                unclean.add("POST /plans " + status);
                            }
                        } else {
                            Response r = given().auth().oauth2(tenant.vendorManager()).get("/api/v1/plans");
                            statuses.computeIfAbsent("GET /plans " + r.statusCode(), k -> new LongAdder()).increment();
                            check(r, unclean);
                        }
                    } catch (Exception e) {
                        statuses.computeIfAbsent("no answer", k -> new LongAdder()).increment();
                        unclean.add("no answer: " + e);
                    }
                }
            }));
        }
        try {
            Thread.sleep(2000);
            Faults.stopPostgres();
            Thread.sleep(4000); // down for a while: requests meet a database that is not there
            Faults.startInfrastructure();
            Thread.sleep(2000);
            // Back: every service is ready again on its own, the same process as before.
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                for (String svc : SERVICES) {
                    assertEquals(pids.get(svc), Faults.service(svc).pid(), svc + " was restarted");
                }
                var ok = given().auth().oauth2(tenant.vendorManager()).get("/api/v1/plans").statusCode();
                assertEquals(200, ok);
            });
            Thread.sleep(3000);
        } finally {
            running.set(false);
            for (Thread t : load) {
                t.join();
            }
        }
        System.out.println("PostgreSQL restart under load, answers: " + new TreeMap<>(statuses));
        assertTrue(unclean.isEmpty(), "answers that were not a clean 503: " + unclean.stream().distinct().toList());
        assertTrue(statuses.keySet().stream().anyMatch(k -> k.endsWith(" 503")), "no request met the restart: " + statuses);

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            Faults.PlanCreatedCounts c = Faults.PlanCreatedCounts.of(tenant.id());
            return c.inboxEvents() >= c.plans() && c.consumed() >= c.events();
        });
        Thread.sleep(3000);
        Faults.PlanCreatedCounts counts = Faults.PlanCreatedCounts.of(tenant.id());
        System.out.println("PostgreSQL restart reconciliation: answered 201 " + created.size() + "; " + counts);
        long maybe = statuses.getOrDefault("POST /plans 503", new LongAdder()).sum();
        assertTrue(counts.plans() >= created.size() && counts.plans() <= created.size() + maybe,
                "every 201 plan exists; a 503 may or may not have committed: " + counts);
        assertEquals(counts.plans(), counts.events(), "one plan.created per plan");
        assertEquals(counts.events(), counts.eventsPublished(), "every event published");
        assertEquals(counts.events(), counts.consumed(), "every event applied by notification-service");
        assertEquals(counts.plans(), counts.inboxItems(), "one inbox item per plan");
        assertEquals(0, counts.doubled());
        for (String svc : SERVICES) {
            given().get("http://127.0.0.1:" + (E2eStack.GATEWAY + 1 + SERVICES.indexOf(svc)) + "/q/health/ready")
                    .then().statusCode(200);
        }
    }

    private static void check(Response r, List<String> unclean) {
        int status = r.statusCode();
        if (status == 200) {
            return;
        }
        if (status != 503) {
            unclean.add("GET /plans " + status);
        } else if (r.header("Retry-After") == null || !String.valueOf(r.contentType()).startsWith("application/problem+json")) {
            unclean.add("GET /plans 503 without Retry-After or problem+json: " + r.contentType());
        }
    }
}
