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
     * as both MySQL drivers and H2 report it), no connection free in the pool in time, or a scan that
     * waited too long for one.
     */
    public static boolean isUnavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.hibernate.exception.JDBCConnectionException || t instanceof java.sql.SQLTransientConnectionException
                    || t instanceof java.sql.SQLNonTransientConnectionException || t instanceof Unavailable) {
                return true;
            }
            if (t instanceof SQLException sql && (sql.getSQLState() != null && sql.getSQLState().startsWith("08")
                    || sql.getMessage() != null && sql.getMessage().contains("acquisition timeout"))) {
                return true;
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
