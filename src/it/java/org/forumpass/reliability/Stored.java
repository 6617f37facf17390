package org.forumpass.reliability;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.forumpass.ops.LocalMariaDb;

/** What the database holds, read over JDBC: the suite owns the database, so it checks the rows themselves. */
final class Stored {
    /** Where the rows are read: a server, or one node of a cluster. */
    interface Source {
        Connection connect() throws SQLException;
    }

    private final Source db;

    Stored(LocalMariaDb db) {
        this(db::connect);
    }

    Stored(Source db) {
        this.db = db;
    }

    long eventId(String slug) throws SQLException {
        return count("select id from event where slug = ?", slug);
    }

    /** Every stored scan of the event, device/nonce to result. Fails if a (device, nonce) were stored twice. */
    Map<String, String> scans(long eventId) throws SQLException {
        Map<String, String> out = new HashMap<>();
        try (Connection c = db.connect();
             PreparedStatement ps = c.prepareStatement("select device_id, nonce, result from scan where event_id = ?")) {
            ps.setLong(1, eventId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String key = rs.getString(1) + "/" + rs.getString(2);
                    if (out.put(key, rs.getString(3)) != null) {
                        throw new AssertionError("scan " + key + " is stored twice");
                    }
                }
            }
        }
        return out;
    }

    /** The public ids of the event's registrations. */
    Set<String> registrationIds(long eventId) throws SQLException {
        Set<String> out = new HashSet<>();
        try (Connection c = db.connect();
             PreparedStatement ps = c.prepareStatement("select public_id from registration where event_id = ?")) {
            ps.setLong(1, eventId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    /** The first column of the first row as a number (a count, an id). */
    long count(String sql, Object... params) throws SQLException {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new AssertionError("no row for " + sql);
                }
                return rs.getLong(1);
            }
        }
    }
}
