package org.forumpass.common;

import jakarta.persistence.OptimisticLockException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.hibernate.StaleStateException;
import org.hibernate.exception.LockAcquisitionException;
import org.jboss.logging.Logger;

/**
 * Runs a transaction again when the database reports a deadlock, a lock timeout or a concurrent change (as MySQL,
 * InnoDB Cluster and TiDB do under contention), for at most {@link #BUDGET} after the first conflict, with jittered
 * exponential back-off. (From the first conflict, not from the start: a first try that queued for a connection
 * behind a rush has used no retries yet.)
 *
 * <p>Why a time budget and not a count: on a MariaDB Galera cluster row locks are local to a node, and two nodes that
 * change one row (an event's seat counter) at once learn it only at COMMIT, when certification refuses the later one
 * with error 1213. A rush on the last seats through several nodes then fails a transaction many times in a row, each
 * try a few milliseconds long; a count of six gave up on a third of them (answered 409 {@code request.conflict}).
 * Five seconds of tries, each sleep drawn at random below a cap that doubles per attempt up to 100 ms ("full jitter":
 * the losers of one round do not collide again in the next), let them through while a request still answers in time
 * (the Galera suite: three seconds still gave up on about one registration in a thousand when nine clients registered
 * for one event through three nodes at once on a loaded 2-core machine). The budget is eight seconds, since a node killed
 * with kill -9 holds the cluster's writes until the others evict it, 6.1-6.4 s after the kill in the suite's runs
 * (Galera's evs.suspect_timeout is 5 s), and a registration already retrying a conflict when the node died must outlast
 * that too: with five seconds two registrations gave up about 0.1 s before the stall ended (first conflict 1.1 s after
 * the kill), with seven two others whose first conflict came 0.85 s before it; eight still answer within the 10 s a
 * client of the suite waits. The unit of work must be idempotent: a whole {@code @Transactional} call whose side effects outside the
 * database wait for its commit (mails go through {@link MailOutbox}).</p>
 *
 * <p>{@link #retried()} counts the tries again since start (the metric {@code forumpass.db.conflicts.retried}).</p>
 */
public final class Retry {
    private static final Logger LOG = Logger.getLogger(Retry.class);
    /**
     * How long a unit of work is tried again after its first conflict (and at least {@link #MIN_ATTEMPTS} times) before
     * the conflict is answered (409 request.conflict).
     */
    static final Duration BUDGET = Duration.ofSeconds(8);
    /**
     * Tries before the budget may end them: under a rush one try can spend seconds queueing for a connection or a
     * row lock, which is not contention this retry can lose to.
     */
    static final int MIN_ATTEMPTS = 10;
    private static final long FIRST_CAP_MILLIS = 4;
    private static final long MAX_SLEEP_MILLIS = 100;
    private static final LongAdder RETRIED = new LongAdder();

    private Retry() {
    }

    public static <T> T onConflict(Supplier<T> tx) {
        long deadline = 0;
        for (int attempt = 1; ; attempt++) {
            try {
                return tx.get();
            } catch (RuntimeException e) {
                if (!isConflict(e)) {
                    throw e;
                }
                if (attempt == 1) {
                    deadline = System.nanoTime() + BUDGET.toNanos();
                }
                long sleep = backOffMillis(attempt);
                if (attempt >= MIN_ATTEMPTS && System.nanoTime() + sleep * 1_000_000 > deadline) {
                    LOG.warnf("Gave up after %d attempts and %d ms on a conflict: %s", attempt, BUDGET.toMillis(), e.getMessage());
                    throw e;
                }
                RETRIED.increment();
                try {
                    Thread.sleep(sleep);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** A sleep drawn uniformly below a cap of 4 ms doubled per attempt, at most 100 ms. */
    static long backOffMillis(int attempt) {
        long cap = Math.min(MAX_SLEEP_MILLIS, FIRST_CAP_MILLIS << Math.min(attempt - 1, 10));
        return 1 + ThreadLocalRandom.current().nextLong(cap);
    }

    /** Tries again since start, in this process. */
    public static long retried() {
        return RETRIED.sum();
    }

    public static boolean isConflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OptimisticLockException || t instanceof StaleStateException
                    || t instanceof LockAcquisitionException || t instanceof jakarta.persistence.PessimisticLockException
                    || t instanceof org.hibernate.PessimisticLockException || t instanceof NotYetVisible) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                int code = sql.getErrorCode();
                // 40001 serialization failure / deadlock; MySQL 1213 deadlock (Galera: certification failure), 1205 lock
                // wait timeout; H2 50200 lock timeout
                if ("40001".equals(state) || code == 1213 || code == 1205 || code == 50200 || "HYT00".equals(state)) {
                    return true;
                }
            }
            for (Throwable s : t.getSuppressed()) {
                if (s != t && isConflict(s)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * A row another replica committed first is not readable here yet: on Galera a write that lost certification
     * to it learns so at once, while this node applies the winner's write a moment later. Retried as a conflict.
     */
    public static final class NotYetVisible extends RuntimeException {
        public NotYetVisible(String message) {
            super(message, null, false, false);
        }
    }
}
