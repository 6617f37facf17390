package org.forumpass.badge;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.forumpass.common.BaseEntity;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

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
    /** Issue 15: when an organizer first downloaded it as PDF (never changed afterwards). */
    @Column(name = "printed_at")
    public Instant printedAt;
    /** Issue 15: when it was handed out at the accreditation desk; set once, by a conditional update. */
    @Column(name = "collected_at")
    public Instant collectedAt;
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "collected_by", length = 16)
    public CollectedBy collectedBy;
    /** The person who took it for the delegate (PROXY only). */
    @Column(name = "proxy_name", length = 200)
    public String proxyName;
    /** The staff account that marked it collected. */
    @Column(name = "handed_out_by", length = 64)
    public String handedOutBy;

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
