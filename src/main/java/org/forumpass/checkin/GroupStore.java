package org.forumpass.checkin;

import static org.forumpass.checkin.ScanSql.bind;
import static org.forumpass.checkin.ScanSql.execute;
import static org.forumpass.checkin.ScanSql.instant;
import static org.forumpass.checkin.ScanSql.ts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.forumpass.event.Category;
import org.forumpass.registration.RegistrationStatus;

/**
 * The lanes' store: many scans of one event in one transaction, on a connection the lane holds (no JTA). One read
 * for the group, the conditional counters and updates at once, then one insert for the new check-ins and one for the
 * scans, and the commit ({@link #writeGroup}).
 */
final class GroupStore {
    private GroupStore() {
    }

    /** A badge as a group of scans reads it, with its delegate. */
    record BadgeRow(String code, long eventId, boolean revoked, long registrationId, String publicId,
                    RegistrationStatus status, Category category, String givenName, String familyName, String nativeName,
                    String organization, String country, boolean vip, Integer vipRank, String protocolNote) {
    }

    /** A delegate's presence at one door; {@code id == null} until the group inserts it. */
    static final class CheckInRow {
        Long id;
        final long registrationId;
        final long sessionKey;
        boolean inside;
        final Instant firstScannedAt;
        final String firstDeviceId;
        Instant lastAt;

        CheckInRow(Long id, long registrationId, long sessionKey, boolean inside, Instant firstScannedAt, String firstDeviceId,
                   Instant lastAt) {
            this.id = id;
            this.registrationId = registrationId;
            this.sessionKey = sessionKey;
            this.inside = inside;
            this.firstScannedAt = firstScannedAt;
            this.firstDeviceId = firstDeviceId;
            this.lastAt = lastAt;
        }
    }

    /** A scan stored earlier, for a replay of its nonce. */
    record StoredScan(ScanResult result, Long registrationId, Long sessionId, Instant firstScannedAt, String firstDeviceId) {
    }

    /** A scan row the group will insert. */
    record ScanRow(long eventId, Long sessionId, Long registrationId, String deviceId, String nonce, String excerpt,
                   Direction direction, ScanResult result, String staff, Instant firstScannedAt, String firstDeviceId,
                   Instant scannedAt, Instant receivedAt, ScanResult offlineResult) {
    }

    /** What one read tells a group: the badges by digest, their delegates' check-ins, the nonces stored before. */
    record GroupRead(Map<String, BadgeRow> badges, Map<String, CheckInRow> checkIns, Map<String, StoredScan> stored) {
    }

    /**
     * One statement for the group: the badges with these digests joined to their delegates and their check-ins
     * at the group's doors, and (after UNION ALL, marked 2 in the first column) the scans stored before under any of these
     * (device, nonce) pairs. Check-ins are keyed by {@link #presenceKey}, stored scans by {@link #nonceKey}.
     */
    static GroupRead readGroup(Connection con, long eventId, Collection<String> digests, Collection<Long> sessionKeys,
                               List<String[]> deviceNonces) throws SQLException {
        GroupRead out = new GroupRead(new HashMap<>(), new HashMap<>(), new HashMap<>());
        StringBuilder sql = new StringBuilder();
        if (!digests.isEmpty()) {
            sql.append("select 1, b.digest, b.code, b.event_id, b.revoked_at, r.id, r.public_id, r.status, r.category,")
                    .append(" r.given_name, r.family_name, r.native_name, r.organization, r.country, c.id, c.session_key,")
                    .append(" c.inside, c.first_scanned_at, c.first_device_id, c.last_at, r.vip, r.vip_rank, r.protocol_note")
                    .append(" from badge b join registration r on r.id = b.registration_id")
                    .append(" left join checkin c on c.registration_id = r.id and c.session_key in (")
                    .append(marks(sessionKeys.size())).append(')')
                    .append(" where b.digest in (").append(marks(digests.size())).append(')');
        }
        if (!deviceNonces.isEmpty()) {
            sql.append(sql.isEmpty() ? "" : " union all ")
                    .append("select 2, s.device_id, s.nonce, s.registration_id, null, s.session_id, null, s.result, null,")
                    .append(" null, null, null, null, null, null, null, null, s.first_scanned_at, s.first_device_id, null,")
                    .append(" null, null, null")
                    .append(" from scan s where s.event_id = ? and (");
            for (int i = 0; i < deviceNonces.size(); i++) {
                sql.append(i == 0 ? "" : " or ").append("(s.device_id = ? and s.nonce = ?)");
            }
            sql.append(')');
        }
        if (sql.isEmpty()) {
            return out;
        }
        try (PreparedStatement ps = con.prepareStatement(sql.toString())) {
            int i = 1;
            if (!digests.isEmpty()) {
                for (Long k : sessionKeys) {
                    ps.setLong(i++, k);
                }
                for (String d : digests) {
                    ps.setString(i++, d);
                }
            }
            if (!deviceNonces.isEmpty()) {
                ps.setLong(i++, eventId);
                for (String[] dn : deviceNonces) {
                    ps.setString(i++, dn[0]);
                    ps.setString(i++, dn[1]);
                }
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getInt(1) == 2) {
                        long reg = rs.getLong(4);
                        Long registrationId = rs.wasNull() ? null : reg;
                        long ses = rs.getLong(6);
                        Long sessionId = rs.wasNull() ? null : ses;
                        out.stored().put(nonceKey(rs.getString(2), rs.getString(3)), new StoredScan(ScanResult.valueOf(rs.getString(8)),
                                registrationId, sessionId, instant(rs.getObject(18, LocalDateTime.class)), rs.getString(19)));
                        continue;
                    }
                    String digest = rs.getString(2);
                    BadgeRow b = out.badges().get(digest);
                    if (b == null) {
                        int rank = rs.getInt(22);
                        Integer vipRank = rs.wasNull() ? null : rank;
                        b = new BadgeRow(rs.getString(3), rs.getLong(4), rs.getObject(5) != null, rs.getLong(6), rs.getString(7),
                                RegistrationStatus.valueOf(rs.getString(8)), Category.valueOf(rs.getString(9)), rs.getString(10),
                                rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14), rs.getBoolean(21), vipRank,
                                rs.getString(23));
                        out.badges().put(digest, b);
                    }
                    long checkInId = rs.getLong(15);
                    if (!rs.wasNull()) {
                        long key = rs.getLong(16);
                        out.checkIns().putIfAbsent(presenceKey(b.registrationId(), key), new CheckInRow(checkInId, b.registrationId(),
                                key, rs.getBoolean(17), instant(rs.getObject(18, LocalDateTime.class)), rs.getString(19),
                                instant(rs.getObject(20, LocalDateTime.class))));
                    }
                }
            }
        }
        return out;
    }

    static String presenceKey(long registrationId, long sessionKey) {
        return registrationId + ":" + sessionKey;
    }

    static String nonceKey(String deviceId, String nonce) {
        return deviceId + "\u0000" + nonce;
    }

    /** Which of these delegates hold a confirmed seat in which of these sessions, as {@link #presenceKey}s. */
    static Set<String> readSeats(Connection con, Collection<Long> registrationIds, Collection<Long> sessionIds) throws SQLException {
        Set<String> out = new HashSet<>();
        if (registrationIds.isEmpty() || sessionIds.isEmpty()) {
            return out;
        }
        String sql = "select registration_id, session_id from registration_session where status = 'CONFIRMED'"
                + " and registration_id in (" + marks(registrationIds.size()) + ") and session_id in (" + marks(sessionIds.size()) + ")";
        try (PreparedStatement ps = con.prepareStatement(sql)) {
            int i = 1;
            for (Long r : registrationIds) {
                ps.setLong(i++, r);
            }
            for (Long s : sessionIds) {
                ps.setLong(i++, s);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(presenceKey(rs.getLong(1), rs.getLong(2)));
                }
            }
        }
        return out;
    }

    /** One place in a room with a capacity, if one is left (the conditional counter of {@code EventService}). */
    static boolean tryEnter(Connection con, long sessionId) throws SQLException {
        return execute(con, ScanSql.TRY_ENTER, sessionId) == 1;
    }

    static void leave(Connection con, long sessionId) throws SQLException {
        execute(con, ScanSql.LEAVE, sessionId);
    }

    /** In or out of a room for a check-in row that exists; 0 when another door changed it first. */
    static int setInside(Connection con, long checkInId, boolean inside, boolean expected, Instant at) throws SQLException {
        return execute(con, ScanSql.SET_INSIDE, inside, ts(at), checkInId, expected);
    }

    /**
     * Writes a group and commits it: the new check-ins in one multi-row insert (a concurrent first check-in
     * elsewhere fails it on the unique key), the scans in another (so does a nonce stored meanwhile). With
     * {@code oneTrip} (a MySQL or MariaDB connection that allows several statements) the two inserts and the
     * COMMIT go in one round trip; the server stops at the first statement that fails, so nothing after it
     * runs and the caller rolls back.
     */
    static void writeGroup(Connection con, boolean oneTrip, long eventId, List<CheckInRow> checkIns, List<ScanRow> scans)
            throws SQLException {
        StringBuilder checkInSql = new StringBuilder();
        List<Object> checkInParams = new ArrayList<>(checkIns.size() * 7);
        if (!checkIns.isEmpty()) {
            checkInSql.append(ScanSql.INSERT_CHECKIN);
            for (int i = 0; i < checkIns.size(); i++) {
                CheckInRow c = checkIns.get(i);
                checkInSql.append(i == 0 ? "" : ", ").append(ScanSql.CHECKIN_ROW);
                Collections.addAll(checkInParams, eventId, c.registrationId, c.sessionKey, ts(c.firstScannedAt), c.firstDeviceId,
                        c.inside, ts(c.lastAt));
            }
        }
        StringBuilder scanSql = new StringBuilder();
        List<Object> scanParams = new ArrayList<>(scans.size() * 15);
        if (!scans.isEmpty()) {
            scanSql.append(ScanSql.INSERT_SCAN);
            for (int i = 0; i < scans.size(); i++) {
                ScanRow r = scans.get(i);
                scanSql.append(i == 0 ? "" : ", ").append(ScanSql.SCAN_ROW);
                Collections.addAll(scanParams, r.eventId(), r.sessionId(), r.registrationId(), r.deviceId(), r.nonce(),
                        r.excerpt(), r.direction().name(), r.result().name(), false, r.staff(), ts(r.firstScannedAt()),
                        r.firstDeviceId(), ts(r.scannedAt()), ts(r.receivedAt()),
                        r.offlineResult() == null ? null : r.offlineResult().name());
            }
        }
        if (!oneTrip) {
            if (!checkIns.isEmpty()) {
                execute(con, checkInSql.toString(), checkInParams.toArray());
            }
            if (!scans.isEmpty()) {
                execute(con, scanSql.toString(), scanParams.toArray());
            }
            con.commit();
            return;
        }
        StringBuilder sql = new StringBuilder();
        List<Object> params = new ArrayList<>(checkInParams.size() + scanParams.size());
        if (!checkIns.isEmpty()) {
            sql.append(checkInSql).append("; ");
            params.addAll(checkInParams);
        }
        if (!scans.isEmpty()) {
            sql.append(scanSql).append("; ");
            params.addAll(scanParams);
        }
        sql.append("commit");
        try (PreparedStatement ps = con.prepareStatement(sql.toString())) {
            bind(ps, params.toArray());
            ps.execute();
            while (ps.getMoreResults() || ps.getUpdateCount() != -1) {
                // every statement's result read, so that a failure among them is thrown here
            }
        }
    }

    private static String marks(int n) {
        StringBuilder sb = new StringBuilder(n * 3);
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "?" : ", ?");
        }
        return sb.toString();
    }
}
