package io.partnerplan.calendar.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionManager;

import org.junit.jupiter.api.Test;

import io.partnerplan.platform.events.EventConsumer;
import io.partnerplan.platform.events.PoisonEventException;
import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;

/**
 * What {@link EventConsumer} on a class gives its methods, checked on a bean of this test: bounded
 * retries through SmallRye Fault Tolerance (three more attempts, none for a poison event), a
 * transaction and an active request context. Every consumer of every service relies on it.
 */
@QuarkusTest
class EventConsumerStereotypeTest {

    @Inject
    FlakyConsumer consumer;

    @Test
    void aFailingEventIsTriedFourTimesInAllThenGivesUp() {
        consumer.reset(Integer.MAX_VALUE);
        assertThrows(IllegalStateException.class, () -> consumer.handle(false));
        assertEquals(4, consumer.attempts(), "one attempt and three retries");
    }

    @Test
    void anEventThatFailsTwiceIsHandledOnTheThirdAttempt() {
        consumer.reset(2);
        consumer.handle(false);
        assertEquals(3, consumer.attempts());
    }

    @Test
    void aPoisonEventIsNotRetried() {
        consumer.reset(Integer.MAX_VALUE);
        assertThrows(PoisonEventException.class, () -> consumer.handle(true));
        assertEquals(1, consumer.attempts(), "straight to the dead-letter topic");
    }

    @Test
    void theHandlerRunsInATransactionWithARequestContext() {
        consumer.reset(0);
        consumer.handle(false);
        assertTrue(consumer.sawTransaction(), "in a transaction");
        assertTrue(consumer.sawRequestContext(), "with an active request context");
    }

    /** A consumer-shaped bean that fails its first {@code failures} calls. */
    @EventConsumer
    public static class FlakyConsumer {

        private final TransactionManager transactions;
        private final AtomicInteger attempts = new AtomicInteger();
        private volatile int failures;
        private volatile boolean sawTransaction;
        private volatile boolean sawRequestContext;

        public FlakyConsumer(TransactionManager transactions) {
            this.transactions = transactions;
        }

        public void reset(int failures) {
            this.failures = failures;
            attempts.set(0);
            sawTransaction = false;
            sawRequestContext = false;
        }

        public int attempts() {
            return attempts.get();
        }

        public boolean sawTransaction() {
            return sawTransaction;
        }

        public boolean sawRequestContext() {
            return sawRequestContext;
        }

        public void handle(boolean poison) {
            int attempt = attempts.incrementAndGet();
            try {
                sawTransaction = transactions.getStatus() == Status.STATUS_ACTIVE;
            } catch (jakarta.transaction.SystemException e) {
                throw new IllegalStateException(e);
            }
            sawRequestContext = Arc.container().requestContext().isActive();
            if (poison) {
                throw new PoisonEventException("malformed");
            }
            if (attempt <= failures) {
                throw new IllegalStateException("attempt " + attempt + " fails");
            }
        }
    }
}
