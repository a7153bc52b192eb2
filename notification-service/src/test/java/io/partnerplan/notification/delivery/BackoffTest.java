package io.partnerplan.notification.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(10), Duration.ofMinutes(5));

    @Test
    void doublesPerAttemptWithinHalfToFullOfTheExponentialDelay() {
        RandomGenerator random = new SplittableRandom(7);
        for (int attempt = 1; attempt <= 5; attempt++) {
            long full = 10_000L << (attempt - 1);
            for (int i = 0; i < 200; i++) {
                long delay = backoff.delay(attempt, random).toMillis();
                assertTrue(delay >= full / 2 && delay <= full, "attempt " + attempt + ": " + delay);
            }
        }
    }

    @Test
    void neverWaitsLongerThanTheMaximumHoweverManyAttempts() {
        RandomGenerator random = new SplittableRandom(1);
        for (int i = 0; i < 200; i++) {
            long delay = backoff.delay(60, random).toMillis();
            assertTrue(delay >= 150_000 && delay <= 300_000, "delay " + delay);
        }
    }

    @Test
    void jitterSpreadsRetriesOfDeliveriesThatFailedTogether() {
        RandomGenerator random = new SplittableRandom(3);
        long distinct = java.util.stream.IntStream.range(0, 50).mapToLong(i -> backoff.delay(3, random).toMillis()).distinct().count();
        assertTrue(distinct > 40, "only " + distinct + " distinct delays");
    }

    @Test
    void refusesANonsensicalConfiguration() {
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ZERO, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)));
        assertEquals(Duration.ofSeconds(1), new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(1)).delay(1, () -> 0L).plusMillis(500));
    }
}
