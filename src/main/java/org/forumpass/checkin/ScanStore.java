package org.forumpass.checkin;

import static org.forumpass.checkin.ScanSql.instant;
import static org.forumpass.checkin.ScanSql.ts;

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
import java.time.Instant;
import java.time.LocalDateTime;
import org.forumpass.badge.BadgeCodec;
import org.forumpass.event.Category;
import org.forumpass.registration.RegistrationStatus;

/**
 * The single-scan path in plain JDBC, inside the caller's JTA transaction (Agroal hands out the transaction's
 * connection): one read for the badge with its delegate, seat and check-in at this door, then the
 * writes. It replaces six ORM queries, their flushes and entity hydration, which profiling showed to be
 * most of a scan's cost. The lanes' groups write through {@link GroupStore} instead; everything else (manual
 * check-in, replays, reports) stays on the ORM.
 */
@ApplicationScoped
public class ScanStore {
    @Inject
    AgroalDataSource dataSource;

    /** What the scan path knows about a badge after its one read. */
    public record Seen(long badgeEventId, boolean revoked, long registrationId, String publicId, RegistrationStatus status,
                       Category category, String givenName, String familyName, String nativeName, String organization,
                       String country, boolean hasSeat, Long checkInId, boolean inside, Instant firstScannedAt,
                       String firstDeviceId, boolean vip, Integer vipRank, String protocolNote) {
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
                + " c.id, c.inside, c.first_scanned_at, c.first_device_id, r.vip, r.vip_rank, r.protocol_note"
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
                int rank = rs.getInt(19);
                Integer vipRank = rs.wasNull() ? null : rank;
                return new Seen(rs.getLong(1), rs.getObject(3) != null, rs.getLong(4), rs.getString(5),
                        RegistrationStatus.valueOf(rs.getString(6)), Category.valueOf(rs.getString(7)), rs.getString(8),
                        rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12), rs.getLong(13) > 0,
                        hasCheckIn ? checkIn : null, hasCheckIn && rs.getBoolean(15),
                        hasCheckIn ? instant(rs.getObject(16, LocalDateTime.class)) : null, hasCheckIn ? rs.getString(17) : null,
                        rs.getBoolean(18), vipRank, rs.getString(20));
            }
        } catch (SQLException e) {
            throw new ScanStoreException(e);
        }
    }

    /** A first check-in at this door; a concurrent one at another door makes this fail on the unique key. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void insertCheckIn(long eventId, long registrationId, long sessionKey, Instant at, String deviceId) {
        update(ScanSql.INSERT_CHECKIN + ScanSql.CHECKIN_ROW, eventId, registrationId, sessionKey, ts(at), deviceId, true, ts(at));
    }

    /** Back in (or out) of a room: the check-in row that exists already; 0 when another door changed it first. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int setInside(long checkInId, boolean inside, boolean expected, Instant at) {
        return update(ScanSql.SET_INSIDE, inside, ts(at), checkInId, expected);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void insertScan(long eventId, Long sessionId, Long registrationId, String deviceId, String nonce, String excerpt,
                           Direction direction, ScanResult result, String staff, Instant firstScannedAt,
                           String firstDeviceId, Instant scannedAt, Instant receivedAt, ScanResult offlineResult) {
        update(ScanSql.INSERT_SCAN + ScanSql.SCAN_ROW, eventId, sessionId, registrationId, deviceId, nonce, excerpt,
                direction.name(), result.name(), false, staff, ts(firstScannedAt), firstDeviceId, ts(scannedAt), ts(receivedAt),
                offlineResult == null ? null : offlineResult.name());
    }

    private int update(String sql, Object... params) {
        try (Connection con = dataSource.getConnection()) {
            return ScanSql.execute(con, sql, params);
        } catch (SQLException e) {
            throw new ScanStoreException(e);
        }
    }

    /** A database failure on the scan path; the cause tells a duplicate key (a race) from anything else. */
    public static final class ScanStoreException extends RuntimeException {
        ScanStoreException(SQLException cause) {
            super(cause.getMessage(), cause);
        }
    }
}
