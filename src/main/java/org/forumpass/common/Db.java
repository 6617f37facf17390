package org.forumpass.common;

import java.sql.SQLException;

/** Reading database failures portably (MySQL, MariaDB, H2). */
public final class Db {
    private Db() {
    }

    /** True when a unique key (or another integrity constraint) refused the write. */
    public static boolean isConstraintViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when the database could not be reached: a connection refused or broken (SQLState class 08,
     * as both MySQL drivers and H2 report it), a pooled connection that died with the server and could not
     * join the transaction, a commit on a dead socket (the cause hides among the suppressed exceptions), no
     * connection free in the pool in time, or a scan that waited too long for its lane.
     */
    public static boolean isUnavailable(Throwable e) {
        return isUnavailable(e, 0);
    }

    private static boolean isUnavailable(Throwable e, int depth) {
        for (Throwable t = e; t != null && depth < 32; t = t.getCause() == t ? null : t.getCause(), depth++) {
            if (t instanceof org.hibernate.exception.JDBCConnectionException || t instanceof java.sql.SQLTransientConnectionException
                    || t instanceof java.sql.SQLNonTransientConnectionException || t instanceof Unavailable) {
                return true;
            }
            String message = t.getMessage() == null ? "" : t.getMessage();
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")
                    || message.contains("acquisition timeout") || message.contains("Unable to acquire JDBC Connection")
                    || message.contains("association of connection to existing transaction")) {
                return true;
            }
            for (Throwable s : t.getSuppressed()) {
                if (isUnavailable(s, depth + 1)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The database (or the queue in front of it) cannot take the request now; answered 503 with Retry-After. */
    public static final class Unavailable extends RuntimeException {
        public Unavailable(String message) {
            super(message, null, false, false);
        }
    }
}
