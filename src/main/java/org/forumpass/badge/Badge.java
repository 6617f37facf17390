package org.forumpass.badge;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.forumpass.common.BaseEntity;

/** A badge issued to a registration; at most one per registration is not revoked. */
@Entity
@Table(name = "badge")
public class Badge extends BaseEntity {
    @Column(name = "event_id", nullable = false)
    public Long eventId;
    @Column(name = "registration_id", nullable = false)
    public Long registrationId;
    @Column(nullable = false)
    public int serial;
    @Column(nullable = false)
    public int kid;
    @Column(nullable = false, length = 120)
    public String code;
    /** base64url SHA-256 of the code: how a scan finds its badge. */
    @Column(nullable = false, length = 43)
    public String digest;
    @Column(name = "issued_at", nullable = false)
    public Instant issuedAt;
    @Column(name = "revoked_at")
    public Instant revokedAt;

    public static Optional<Badge> findByDigest(String digest) {
        return find("digest", digest).firstResultOptional();
    }

    public static Optional<Badge> findCurrent(Long registrationId) {
        return find("registrationId = ?1 and revokedAt is null", registrationId).firstResultOptional();
    }

    public static int maxSerial(Long registrationId) {
        Integer max = getEntityManager().createQuery("select max(b.serial) from Badge b where b.registrationId = ?1", Integer.class)
                .setParameter(1, registrationId).getSingleResult();
        return max == null ? 0 : max;
    }

    /** Whether a current badge of the event still carries an FP1 code (with database keys in it). */
    public static boolean hasCurrentLegacy(Long eventId) {
        return count("eventId = ?1 and revokedAt is null and code like ?2", eventId, BadgeCodec.LEGACY_PREFIX + "%") > 0;
    }

    public static List<String> listRevokedDigests(Long eventId) {
        return getEntityManager().createQuery("select b.digest from Badge b where b.eventId = ?1 and b.revokedAt is not null"
                + " order by b.id", String.class).setParameter(1, eventId).getResultList();
    }
}
