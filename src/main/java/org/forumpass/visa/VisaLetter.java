package org.forumpass.visa;

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

/**
 * One registration's visa invitation letter. Of the holder it keeps only what verification answers (initials and the
 * passport number's last four, from when it was issued); the letter's PDF is drawn from the registration each time.
 */
@Entity
@Table(name = "visa_letter")
public class VisaLetter extends BaseEntity {
    @Column(name = "registration_id")
    public Long registrationId;
    @Column(name = "event_id")
    public Long eventId;
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    public VisaLetterState state;
    /** Set when issued: "FPV-" and 80 random bits in four groups of Crockford base 32 (unique key). */
    public String reference;
    @Column(name = "requested_at")
    public Instant requestedAt;
    /** "delegate" (the manage token: the delegate or the focal point) or the organizer's username. */
    @Column(name = "requested_by")
    public String requestedBy;
    @Column(name = "issued_at")
    public Instant issuedAt;
    @Column(name = "issued_by")
    public String issuedBy;
    @Column(name = "rejected_at")
    public Instant rejectedAt;
    @Column(name = "rejected_by")
    public String rejectedBy;
    @Column(name = "rejection_reason")
    public String rejectionReason;
    @Column(name = "revoked_at")
    public Instant revokedAt;
    /** "A. N.": the initials of the Latin given and family names when issued; null once the registration is erased. */
    @Column(name = "holder_initials")
    public String holderInitials;
    /** The passport number's last four characters when issued; null once the registration is erased. */
    @Column(name = "passport_last4")
    public String passportLast4;
    @jakarta.persistence.Version
    public int version;

    public static Optional<VisaLetter> findByRegistration(Long registrationId) {
        return find("registrationId", registrationId).firstResultOptional();
    }

    public static Optional<VisaLetter> findByReference(String reference) {
        return find("reference", reference).firstResultOptional();
    }
}
