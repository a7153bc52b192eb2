package io.partnerplan.platform.concurrency;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Rounds of a background job (publishing the outbox, dispatching webhooks) that run one at a time, both on
 * their periodic tick and when nudged after a commit. A round asked for while one runs is not lost: the
 * running one goes once more. Nudges coalesce: one waiting round serves every nudge before it starts, so a
 * burst of commits costs a few rounds, not one each.
 */
public final class Rounds implements AutoCloseable {

    private final Runnable round;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private final AtomicBoolean nudged = new AtomicBoolean();
    /** One thread, no context propagated from the transaction that nudged it. */
    private final ExecutorService nudges;

    public Rounds(String threadName, Runnable round) {
        this.round = round;
        this.nudges = Executors.newSingleThreadExecutor(Thread.ofPlatform().name(threadName).daemon().factory());
    }

    /**
     * Runs rounds on the caller's thread until none is asked for, or makes the running one go once more.
     * The flag is checked again after the lock is let go, so an ask that came just then is not lost.
     */
    public void run() {
        again.set(true);
        while (again.get() && running.compareAndSet(false, true)) {
            try {
                while (again.getAndSet(false)) {
                    round.run();
                }
            } finally {
                running.set(false);
            }
        }
    }

    /** Asks for a round soon, on this job's own thread (after a commit: the caller does not wait). */
    public void nudge() {
        if (!nudged.compareAndSet(false, true)) {
            return;
        }
        try {
            nudges.execute(() -> {
                nudged.set(false);
                run();
            });
        } catch (RejectedExecutionException e) {
            nudged.set(false); // shutting down: the next start's periodic round does the work
        }
    }

    @Override
    public void close() {
        nudges.shutdown();
        try {
            nudges.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
