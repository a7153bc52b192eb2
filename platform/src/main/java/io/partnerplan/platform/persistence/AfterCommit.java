package io.partnerplan.platform.persistence;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/** Work for after the current transaction commits, once per transaction whatever it wrote. */
public final class AfterCommit {

    private AfterCommit() {
    }

    /**
     * Runs {@code action} once the current transaction has committed (rows it wrote are visible then), at
     * most once per transaction and {@code key}: a transaction writing many rows nudges a job once.
     */
    public static void once(TransactionSynchronizationRegistry transactions, Object key, Runnable action) {
        if (transactions.getResource(key) != null) {
            return;
        }
        transactions.putResource(key, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    action.run();
                }
            }
        });
    }
}
