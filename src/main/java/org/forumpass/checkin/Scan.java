package org.forumpass.checkin;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import org.forumpass.common.BaseEntity;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Every scan, refused ones too, with the device's time and the server's. (event, device, nonce) is unique. */
@Entity
@Table(name = "scan")
public class Scan extends BaseEntity {
    @Column(name = "event_id")
    public Long eventId;
    @Column(name = "session_id")
    public Long sessionId;
    @Column(name = "registration_id")
    public Long registrationId;
    @Column(name = "device_id")
    public String deviceId;
    public String nonce;
    /** The first characters of what was read, to tell scans apart in the log without storing whole codes. */
    @Column(name = "code_excerpt")
    public String codeExcerpt;
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    public Direction direction;
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    public ScanResult result;
    public boolean manual;
    @Column(name = "staff_username")
    public String staffUsername;
    @Column(name = "first_scanned_at")
    public Instant firstScannedAt;
    @Column(name = "first_device_id")
    public String firstDeviceId;
    @Column(name = "scanned_at")
    public Instant scannedAt;
    @Column(name = "received_at")
    public Instant receivedAt;
    /**
     * Issue 16: what the door decided offline for a scan it queued and uploaded later; null for a scan decided
     * online. A scan admitted offline and refused by the server is a conflict ({@link ScanConflicts}).
     */
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "offline_result")
    public ScanResult offlineResult;
    /** When an organizer marked the conflict handled, who, and what they noted (issue 16). */
    @Column(name = "conflict_resolved_at")
    public Instant conflictResolvedAt;
    @Column(name = "conflict_resolved_by")
    public String conflictResolvedBy;
    @Column(name = "conflict_note")
    public String conflictNote;

    /** The stored excerpt of a code: its first 12 characters. */
    static String excerpt(String code) {
        String c = code == null ? "" : code.strip();
        return c.length() <= 12 ? c : c.substring(0, 12);
    }

    public static Optional<Scan> findByNonce(Long eventId, String deviceId, String nonce) {
        return find("eventId = ?1 and deviceId = ?2 and nonce = ?3", eventId, deviceId, nonce).firstResultOptional();
    }
}
