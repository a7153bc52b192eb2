package io.partnerplan.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * notification-service is killed with SIGKILL in the middle of a backlog of plan.created events: after
 * its restart every plan has exactly one inbox item, none lost, none doubled.
 */
class ConsumerKillFaultIT {

    private static final int PLANS = 60;

    @BeforeAll
    static void stack() throws Exception {
        E2eStack.ensureUp();
    }

    @Test
    void aConsumerKilledMidBatchLosesNothingAndDoublesNothing() throws Exception {
        Faults.Tenant tenant = Faults.Tenant.create("sigkill");
        // A backlog: the plans are drafted (and their events published) while the consumer is away.
        Faults.kill("notification-service");
        List<String> plans = new ArrayList<>();
        for (int i = 0; i < PLANS; i++) {
            assertEquals(201, tenant.draftPlan("Backlog plan " + i, plans));
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                Faults.PlanCreatedCounts.of(tenant.id()).eventsPublished() == PLANS);

        // Restarted, it works through the backlog; killed again as soon as part of it is applied.
        Thread restart = Thread.ofVirtual().start(() -> {
            try {
                Faults.restartMissing();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        long appliedAtKill = -1;
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            long applied = Faults.PlanCreatedCounts.of(tenant.id()).consumed();
            if (applied > 0) {
                Faults.kill("notification-service");
                appliedAtKill = applied;
                break;
            }
            Thread.sleep(20);
        }
        restart.join();
        assertTrue(appliedAtKill > 0, "notification-service never started on the backlog");
        long appliedAfterKill = Faults.PlanCreatedCounts.of(tenant.id()).consumed();
        System.out.printf("SIGKILL with %d of %d plan.created applied (%d once it was dead)%n", appliedAtKill, PLANS, appliedAfterKill);

        Faults.restartMissing();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() ->
                Faults.PlanCreatedCounts.of(tenant.id()).inboxEvents() >= PLANS);
        Thread.sleep(3000); // and nothing more arrives a little later
        Faults.PlanCreatedCounts counts = Faults.PlanCreatedCounts.of(tenant.id());
        System.out.println("SIGKILL reconciliation: " + counts);
        assertEquals(PLANS, plans.size());
        assertEquals(PLANS, counts.plans());
        assertEquals(PLANS, counts.events());
        assertEquals(PLANS, counts.consumed());
        assertEquals(PLANS, counts.inboxEvents());
        assertEquals(PLANS, counts.inboxItems(), "one inbox item per plan for its creator");
        assertEquals(0, counts.doubled());
    }
}
