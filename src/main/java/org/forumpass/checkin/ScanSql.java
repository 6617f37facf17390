package org.forumpass.checkin;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** The scan path's SQL, written once for the single-scan store and the lanes' group store, and its JDBC helpers. */
final class ScanSql {
    /** Followed by one or more {@link #CHECKIN_ROW}s. */
    static final String INSERT_CHECKIN = "insert into checkin (event_id, registration_id, session_key, first_scanned_at,"
            + " first_device_id, inside, last_at, version) values ";
    /** event, registration, session key, first scanned at, first device, inside, last at. */
    static final String CHECKIN_ROW = "(?, ?, ?, ?, ?, ?, ?, 0)";
    /** Followed by one or more {@link #SCAN_ROW}s. */
    static final String INSERT_SCAN = "insert into scan (event_id, session_id, registration_id, device_id, nonce, code_excerpt,"
            + " direction, result, manual, staff_username, first_scanned_at, first_device_id, scanned_at, received_at,"
            + " offline_result) values ";
    /** One scan's values in {@link #INSERT_SCAN}'s order; the last (issue 16) the door's offline verdict, null online. */
    static final String SCAN_ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    /** inside, last at, check-in id, the inside it must have: 0 rows when another door changed it first. */
    static final String SET_INSIDE = "update checkin set inside = ?, last_at = ?, version = version + 1 where id = ? and inside = ?";
    /** One place in a room with a capacity, if one is left (the conditional counter of {@code EventService}). */
    static final String TRY_ENTER = "update agenda_session set inside_now = inside_now + 1 where id = ? and (capacity is null"
            + " or inside_now < capacity)";
    static final String LEAVE = "update agenda_session set inside_now = inside_now - 1 where id = ? and inside_now > 0";

    private ScanSql() {
    }

    static int execute(Connection con, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = con.prepareStatement(sql)) {
            bind(ps, params);
            return ps.executeUpdate();
        }
    }

    static void bind(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p == null) {
                ps.setNull(i + 1, Types.NULL);
            } else {
                ps.setObject(i + 1, p);
            }
        }
    }

    /** DATETIME(6) columns hold UTC wall time, as Hibernate writes them (jdbc.timezone=UTC). */
    static LocalDateTime ts(Instant t) {
        return t == null ? null : LocalDateTime.ofInstant(t, ZoneOffset.UTC);
    }

    static Instant instant(LocalDateTime t) {
        return t == null ? null : t.toInstant(ZoneOffset.UTC);
    }
}
