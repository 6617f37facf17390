package org.forumpass.common;

import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.hibernate.Session;

/**
 * Many rows in one statement: {@code INSERT INTO t (a, b) VALUES (?, ?), (?, ?), ...}, on the connection of the
 * current transaction (the session is flushed first, so the rows see what the entities wrote before). Every value is
 * a bound parameter; instants are stored as UTC {@code DATETIME(6)} as the entities store them, enums by name. Keys are
 * left to AUTO_INCREMENT, as entities get them; a caller that needs them reads them back by a unique column. Runs on
 * H2 (MySQL mode), MariaDB and MySQL.
 */
public final class BulkInsert {
    /** Rows per statement: well below every driver's limit of bound parameters (65,535) for our widest table. */
    static final int ROWS_PER_STATEMENT = 500;

    private BulkInsert() {
    }

    /** Inserts {@code rows} (each holding one value per column, in order) into {@code table}. */
    public static void insert(EntityManager em, String table, List<String> columns, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        em.flush();
        em.unwrap(Session.class).doWork(connection -> {
            for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
                List<Object[]> part = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT));
                try (PreparedStatement ps = connection.prepareStatement(sql(table, columns, part.size()))) {
                    int i = 1;
                    for (Object[] row : part) {
                        if (row.length != columns.size()) {
                            throw new IllegalArgumentException("a row of " + row.length + " values for " + columns.size() + " columns");
                        }
                        for (Object value : row) {
                            bind(ps, i++, value);
                        }
                    }
                    ps.executeUpdate();
                }
            }
        });
    }

    static String sql(String table, List<String> columns, int rows) {
        String one = "(" + "?, ".repeat(columns.size() - 1) + "?)";
        StringBuilder sql = new StringBuilder(32 + rows * (one.length() + 2)).append("INSERT INTO ").append(table)
                .append(" (").append(String.join(", ", columns)).append(") VALUES ");
        for (int r = 0; r < rows; r++) {
            sql.append(r == 0 ? "" : ", ").append(one);
        }
        return sql.toString();
    }

    private static void bind(PreparedStatement ps, int i, Object value) throws java.sql.SQLException {
        if (value == null) {
            ps.setNull(i, Types.NULL);
        } else if (value instanceof Instant t) {
            ps.setObject(i, LocalDateTime.ofInstant(t, ZoneOffset.UTC));
        } else if (value instanceof Enum<?> e) {
            ps.setString(i, e.name());
        } else {
            ps.setObject(i, value);
        }
    }
}
