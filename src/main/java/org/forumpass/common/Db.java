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
}
