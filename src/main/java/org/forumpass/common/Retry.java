package org.forumpass.common;

import jakarta.persistence.OptimisticLockException;
import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.hibernate.StaleStateException;
import org.hibernate.exception.LockAcquisitionException;

/**
 * Runs a transaction again, a bounded number of times, when the database reports a deadlock, a
 * lock timeout or a concurrent change (as MySQL, InnoDB Cluster and TiDB do under contention).
 */
public final class Retry {
    private static final int ATTEMPTS = 6;

    private Retry() {
    }

    public static <T> T onConflict(Supplier<T> tx) {
        for (int attempt = 1; ; attempt++) {
            try {
                return tx.get();
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS || !isConflict(e)) {
                    throw e;
                }
                try {
                    Thread.sleep(ThreadLocalRandom.current().nextLong(2, 10L << attempt));
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    public static boolean isConflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OptimisticLockException || t instanceof StaleStateException
                    || t instanceof LockAcquisitionException || t instanceof jakarta.persistence.PessimisticLockException
                    || t instanceof org.hibernate.PessimisticLockException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                int code = sql.getErrorCode();
                // 40001 serialization failure / deadlock; MySQL 1213 deadlock, 1205 lock wait timeout; H2 50200 lock timeout
                if ("40001".equals(state) || code == 1213 || code == 1205 || code == 50200 || "HYT00".equals(state)) {
                    return true;
                }
            }
        }
        return false;
    }
}
