package org.forumpass.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLTransactionRollbackException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.transaction.xa.XAException;
import org.junit.jupiter.api.Test;

/** Which failures are tried again, and how long (issue 19: Galera's certification failures), without the framework. */
class RetryTest {
    /** What Narayana throws when the one-phase COMMIT fails with Galera's certification failure (seen in the Galera suite). */
    private static RuntimeException certificationFailureAtCommit() {
        SQLTransactionRollbackException galera = new SQLTransactionRollbackException(
                "Deadlock found when trying to get lock; try restarting transaction", "40001", 1213);
        XAException xa = new XAException("Error trying to transactionCommit local transaction");
        xa.initCause(galera);
        Exception rollback = new Exception("ARJUNA016053: Could not commit transaction.");
        rollback.addSuppressed(xa);
        return new RuntimeException("Error invoking subclass method", rollback);
    }

    @Test
    void aCertificationFailureAtCommitIsAConflictAndIsTriedAgain() {
        assertTrue(Retry.isConflict(certificationFailureAtCommit()));
        AtomicInteger tries = new AtomicInteger();
        long before = Retry.retried();
        String answer = Retry.onConflict(() -> {
            if (tries.incrementAndGet() < 4) {
                throw certificationFailureAtCommit();
            }
            return "committed";
        });
        assertEquals("committed", answer);
        assertEquals(4, tries.get());
        assertTrue(Retry.retried() - before >= 3, "the three tries again are counted");
    }

    @Test
    void otherFailuresAreNotTriedAgain() {
        IllegalStateException boom = new IllegalStateException("not a conflict");
        AtomicInteger tries = new AtomicInteger();
        assertFalse(Retry.isConflict(boom));
        assertSame(boom, assertThrows(IllegalStateException.class, () -> Retry.onConflict(() -> {
            tries.incrementAndGet();
            throw boom;
        })));
        assertEquals(1, tries.get());
    }

    @Test
    void aLastingConflictIsGivenUpAfterTheBudgetAndTheLeastTries() {
        AtomicInteger tries = new AtomicInteger();
        long t = System.nanoTime();
        assertThrows(RuntimeException.class, () -> Retry.onConflict(() -> {
            tries.incrementAndGet();
            throw certificationFailureAtCommit();
        }));
        double seconds = (System.nanoTime() - t) / 1e9;
        assertTrue(tries.get() >= Retry.MIN_ATTEMPTS, tries.get() + " tries");
        assertTrue(seconds >= Retry.BUDGET.toMillis() / 1000.0 - 0.15 && seconds < Retry.BUDGET.toMillis() / 1000.0 + 1,
                "gave up after " + seconds + " s");
    }

    @Test
    void theBackOffIsJitteredAndCapped() {
        for (int attempt = 1; attempt < 40; attempt++) {
            long cap = Math.min(100, 4L << Math.min(attempt - 1, 10));
            for (int i = 0; i < 50; i++) {
                long sleep = Retry.backOffMillis(attempt);
                assertTrue(sleep >= 1 && sleep <= cap, "attempt " + attempt + ": " + sleep + " ms");
            }
        }
    }
}
