package io.partnerplan.platform.concurrency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class RoundsTest {

    @Test
    void aRoundAskedForWhileOneRunsIsRunAfterItNotAlongsideIt() throws Exception {
        CountDownLatch inFirstRound = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger rounds = new AtomicInteger();
        AtomicInteger atOnce = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        try (Rounds job = new Rounds("rounds-test", () -> {
            mostAtOnce.accumulateAndGet(atOnce.incrementAndGet(), Math::max);
            if (rounds.incrementAndGet() == 1) {
                inFirstRound.countDown();
                await(release);
            }
            atOnce.decrementAndGet();
        })) {
            CompletableFuture<Void> tick = CompletableFuture.runAsync(job::run);
            assertTrue(inFirstRound.await(5, TimeUnit.SECONDS));
            job.run(); // returns at once: the running round is asked to go once more
            job.nudge();
            release.countDown();
            tick.get(5, TimeUnit.SECONDS);
            Thread.sleep(200); // the nudge's thread, if it found nothing running
            assertTrue(rounds.get() >= 2, "the ask made during the first round was served");
            assertEquals(1, mostAtOnce.get(), "never two rounds at once");
        }
    }

    @Test
    void nudgesBeforeARoundStartsAreServedByThatOneRound() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger rounds = new AtomicInteger();
        try (Rounds job = new Rounds("rounds-test", () -> {
            rounds.incrementAndGet();
            await(release);
        })) {
            job.nudge(); // starts the first round, which waits
            Thread.sleep(100);
            for (int i = 0; i < 50; i++) {
                job.nudge(); // one queued round serves them all
            }
            release.countDown();
            Thread.sleep(300);
            assertTrue(rounds.get() <= 3, "50 nudges coalesced, got " + rounds.get() + " rounds");
            assertTrue(rounds.get() >= 2, "the nudges after the first round started were served");
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
