package org.forumpass.checkin;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.forumpass.badge.BadgeCodec;
import org.forumpass.event.Category;
import org.forumpass.registration.RegistrationStatus;

/**
 * The scan path in plain JDBC, inside the caller's JTA transaction (Agroal hands out the transaction's
 * connection): one read for the badge with its delegate, seat and check-in at this door, then the
 * writes. It replaces six ORM queries, their flushes and entity hydration, which profiling showed to be
 * most of a scan's cost. Everything else (manual check-in, replays, reports) stays on the ORM.
 */
@ApplicationScoped
public class ScanStore {
    @Inject
    AgroalDataSource dataSource;

    /** What the scan path knows about a badge after its one read. */
    public record Seen(long badgeEventId, boolean revoked, long registrationId, String publicId, RegistrationStatus status,
                       Category category, String givenName, String familyName, String nativeName, String organization,
                       String country, boolean hasSeat, Long checkInId, boolean inside, Instant firstScannedAt,
                       String firstDeviceId) {
    }

    /** The id of the scan this device already sent with this nonce, or null. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Long findScanId(long eventId, String deviceId, String nonce) {
        try (Connection con = dataSource.getConnection();
             PreparedStatement ps = con.prepareStatement("select id from scan where event_id = ? and device_id = ? and nonce = ?")) {
            ps.setLong(1, eventId);
            ps.setString(2, deviceId);
            ps.setString(3, nonce);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        } catch (SQLException e) {
            throw new ScanStoreException(e);
        }
    }

    /** The badge whose code this is (digest lookup, constant-time comparison), or null. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Seen read(String code, long sessionKey, Long sessionId) {
        if (!BadgeCodec.plausible(code)) {
            return null;
        }
        String sql = "select b.event_id, b.code, b.revoked_at, r.id, r.public_id, r.status, r.category, r.given_name,"
                + " r.family_name, r.native_name, r.organization, r.country,"
                + " (select count(*) from registration_session rs where rs.registration_id = r.id and rs.session_id = ?"
                + "   and rs.status = 'CONFIRMED') as seat,"
                + " c.id, c.inside, c.first_scanned_at, c.first_device_id"
                + " from badge b join registration r on r.id = b.registration_id"
                + " left join checkin c on c.registration_id = r.id and c.session_key = ?"
                + " where b.digest = ?";
        try (Connection con = dataSource.getConnection(); PreparedStatement ps = con.prepareStatement(sql)) {
            ps.setLong(1, sessionId == null ? -1 : sessionId);
            ps.setLong(2, sessionKey);
            ps.setString(3, BadgeCodec.digest(code));
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                if (!MessageDigest.isEqual(rs.getString(2).getBytes(StandardCharsets.US_ASCII),
                        code.getBytes(StandardCharsets.US_ASCII))) {
                    return null;
                }
                long checkIn = rs.getLong(14);
                boolean hasCheckIn = !rs.wasNull();
                return new Seen(rs.getLong(1), rs.getObject(3) != null, rs.getLong(4), rs.getString(5),
                        RegistrationStatus.valueOf(rs.getString(6)), Category.valueOf(rs.getString(7)), rs.getString(8),
                        rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12), rs.getLong(13) > 0,
                        hasCheckIn ? checkIn : null, hasCheckIn && rs.getBoolean(15),
                        hasCheckIn ? instant(rs.getObject(16, LocalDateTime.class)) : null, hasCheckIn ? rs.getString(17) : null);
            }
        } catch (SQLException e) {
            throw new ScanStoreException(e);
        }
    }

    /** A first check-in at this door; a concurrent one at another door makes this fail on the unique key. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void insertCheckIn(long eventId, long registrationId, long sessionKey, Instant at, String deviceId) {
        update("insert into checkin (event_id, registration_id, session_key, first_scanned_at, first_device_id, inside,"
                + " last_at, version) values (?, ?, ?, ?, ?, ?, ?, 0)", eventId, registrationId, sessionKey, ts(at), deviceId,
                true, ts(at));
    }

    /** Back in (or out) of a room: the check-in row that exists already. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int setInside(long checkInId, boolean inside, boolean expected, Instant at) {
        return update("update checkin set inside = ?, last_at = ?, version = version + 1 where id = ? and inside = ?",
                inside, ts(at), checkInId, expected);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void insertScan(long eventId, Long sessionId, Long registrationId, String deviceId, String nonce, String excerpt,
                           Direction direction, ScanResult result, String staff, Instant firstScannedAt,
                           String firstDeviceId, Instant scannedAt, Instant receivedAt) {
        update("insert into scan (event_id, session_id, registration_id, device_id, nonce, code_excerpt, direction, result,"
                        + " manual, staff_username, first_scanned_at, first_device_id, scanned_at, received_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                eventId, sessionId, registrationId, deviceId, nonce, excerpt, direction.name(), result.name(), false, staff,
                ts(firstScannedAt), firstDeviceId, ts(scannedAt), ts(receivedAt));
    }

    // ---- groups: many scans of one event in one transaction, on a connection the caller holds ----------

    /** A badge as a group of scans reads it, with its delegate. */
    record BadgeRow(String code, long eventId, boolean revoked, long registrationId, String publicId,
                    RegistrationStatus status, Category category, String givenName, String familyName, String nativeName,
                    String organization, String country) {
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
                   Instant scannedAt, Instant receivedAt) {
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
                    .append(" c.inside, c.first_scanned_at, c.first_device_id, c.last_at")
                    .append(" from badge b join registration r on r.id = b.registration_id")
                    .append(" left join checkin c on c.registration_id = r.id and c.session_key in (")
                    .append(marks(sessionKeys.size())).append(')')
                    .append(" where b.digest in (").append(marks(digests.size())).append(')');
        }
        if (!deviceNonces.isEmpty()) {
            sql.append(sql.isEmpty() ? "" : " union all ")
                    .append("select 2, s.device_id, s.nonce, s.registration_id, null, s.session_id, null, s.result, null,")
                    .append(" null, null, null, null, null, null, null, null, s.first_scanned_at, s.first_device_id, null")
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
                        b = new BadgeRow(rs.getString(3), rs.getLong(4), rs.getObject(5) != null, rs.getLong(6), rs.getString(7),
                                RegistrationStatus.valueOf(rs.getString(8)), Category.valueOf(rs.getString(9)), rs.getString(10),
                                rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14));
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
        return execute(con, "update agenda_session set inside_now = inside_now + 1 where id = ? and (capacity is null"
                + " or inside_now < capacity)", sessionId) == 1;
    }

    static void leave(Connection con, long sessionId) throws SQLException {
        execute(con, "update agenda_session set inside_now = inside_now - 1 where id = ? and inside_now > 0", sessionId);
    }

    /** In or out of a room for a check-in row that exists; 0 when another door changed it first. */
    static int setInside(Connection con, long checkInId, boolean inside, boolean expected, Instant at) throws SQLException {
        return execute(con, "update checkin set inside = ?, last_at = ?, version = version + 1 where id = ? and inside = ?",
                inside, ts(at), checkInId, expected);
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
            checkInSql.append("insert into checkin (event_id, registration_id, session_key, first_scanned_at, first_device_id,"
                    + " inside, last_at, version) values ");
            for (int i = 0; i < checkIns.size(); i++) {
                CheckInRow c = checkIns.get(i);
                checkInSql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, 0)");
                Collections.addAll(checkInParams, eventId, c.registrationId, c.sessionKey, ts(c.firstScannedAt), c.firstDeviceId,
                        c.inside, ts(c.lastAt));
            }
        }
        StringBuilder scanSql = new StringBuilder();
        List<Object> scanParams = new ArrayList<>(scans.size() * 14);
        if (!scans.isEmpty()) {
            scanSql.append("insert into scan (event_id, session_id, registration_id, device_id, nonce, code_excerpt, direction,"
                    + " result, manual, staff_username, first_scanned_at, first_device_id, scanned_at, received_at) values ");
            for (int i = 0; i < scans.size(); i++) {
                ScanRow r = scans.get(i);
                scanSql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                Collections.addAll(scanParams, r.eventId(), r.sessionId(), r.registrationId(), r.deviceId(), r.nonce(),
                        r.excerpt(), r.direction().name(), r.result().name(), false, r.staff(), ts(r.firstScannedAt()),
                        r.firstDeviceId(), ts(r.scannedAt()), ts(r.receivedAt()));
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

    private static int execute(Connection con, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = con.prepareStatement(sql)) {
            bind(ps, params);
            return ps.executeUpdate();
        }
    }

    private static void bind(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p == null) {
                ps.setNull(i + 1, Types.NULL);
            } else {
                ps.setObject(i + 1, p);
            }
        }
    }

    private int update(String sql, Object... params) {
        try (Connection con = dataSource.getConnection()) {
            return execute(con, sql, params);
        } catch (SQLException e) {
            throw new ScanStoreException(e);
        }
    }

    /** DATETIME(6) columns hold UTC wall time, as Hibernate writes them (jdbc.timezone=UTC). */
    private static LocalDateTime ts(Instant t) {
        return t == null ? null : LocalDateTime.ofInstant(t, ZoneOffset.UTC);
    }

    private static Instant instant(LocalDateTime t) {
        return t == null ? null : t.toInstant(ZoneOffset.UTC);
    }

    /** A database failure on the scan path; the cause tells a duplicate key (a race) from anything else. */
    public static final class ScanStoreException extends RuntimeException {
        ScanStoreException(SQLException cause) {
            super(cause.getMessage(), cause);
        }
    }
}
