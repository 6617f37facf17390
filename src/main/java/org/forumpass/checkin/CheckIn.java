package org.forumpass.checkin;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Optional;
import org.forumpass.common.BaseEntity;

/** A delegate's presence at one session (session_key = session id) or the venue entrance (0). */
@Entity
@Table(name = "checkin")
public class CheckIn extends BaseEntity {
    public static final long ENTRANCE = 0L;

    @Column(name = "event_id")
    public Long eventId;
    @Column(name = "registration_id")
    public Long registrationId;
    @Column(name = "session_key")
    public Long sessionKey;
    @Column(name = "first_scanned_at")
    public Instant firstScannedAt;
    @Column(name = "first_device_id")
    public String firstDeviceId;
    public boolean inside;
    @Column(name = "last_at")
    public Instant lastAt;
    @Version
    public int version;

    public static Optional<CheckIn> findByRegistrationAndSession(Long registrationId, long sessionKey) {
        return find("registrationId = ?1 and sessionKey = ?2", registrationId, sessionKey).firstResultOptional();
    }
}
