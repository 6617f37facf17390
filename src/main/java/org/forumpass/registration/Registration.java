package org.forumpass.registration;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import org.forumpass.common.BaseEntity;
import org.forumpass.event.Category;
import org.forumpass.event.Event;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "registration")
public class Registration extends BaseEntity {
    /** The opaque identifier in URLs, e-mails and exports (144 random bits, URL-safe). */
    @Column(name = "public_id")
    public String publicId;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "event_id")
    public Event event;
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    public RegistrationStatus status;
    /** Whether this registration counts against the event's capacity (CONFIRMED or PENDING). */
    @Column(name = "holds_seat")
    public boolean holdsSeat;
    @Column(name = "given_name")
    public String givenName;
    @Column(name = "family_name")
    public String familyName;
    @Column(name = "native_name")
    public String nativeName;
    @Column(name = "job_title")
    public String jobTitle;
    public String organization;
    /** The organization folded for grouping: "Alibaba Group", " alibaba group" and "ALIBABA GROUP" are one. */
    @Column(name = "organization_key")
    public String organizationKey;
    public String country;
    public String email;
    /** The e-mail folded to lower case: one registration per e-mail per event. */
    @Column(name = "email_key")
    public String emailKey;
    public String phone;
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    public Category category;
    public String language;
    @Column(name = "consent_at")
    public Instant consentAt;
    @Column(name = "consent_version")
    public String consentVersion;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "invitation_code_id")
    public InvitationCode invitationCode;
    /** Bumped to invalidate the manage link. */
    @Column(name = "token_version")
    public int tokenVersion;
    /** When the personal fields were erased (access to the data protection law's right to erasure, or retention). */
    @jakarta.persistence.Column(name = "erased_at")
    public java.time.Instant erasedAt;
    /** ONLINE, IMPORT, ORGANIZER or DELEGATION. */
    public String source;
    /** Issue 15: the delegation this delegate belongs to (the delegation feature owns the table), or null. */
    @Column(name = "delegation_id")
    public Long delegationId;
    /** Whether the registration holds one of its delegation's quota places (until withdrawn, cancelled, rejected, erased). */
    @Column(name = "delegation_place")
    public boolean delegationPlace;
    /** Issue 16: protocol. A VIP whom the door announces and the arrivals board shows; only organizers set and see it. */
    public boolean vip;
    /** 1 (highest) to 5, or null; only with {@link #vip}. */
    @Column(name = "vip_rank")
    @JdbcTypeCode(SqlTypes.SMALLINT)
    public Integer vipRank;
    /** What the door and the protocol officers should do ("Escort to front row, seat A3"); only with {@link #vip}. */
    @Column(name = "protocol_note")
    public String protocolNote;
    @Column(name = "waitlisted_at")
    public Instant waitlistedAt;
    @Column(name = "decided_at")
    public Instant decidedAt;
    @Column(name = "decided_by")
    public String decidedBy;
    @Column(name = "cancelled_at")
    public Instant cancelledAt;
    @Column(name = "created_at")
    public Instant createdAt;
    /** Optimistic lock: concurrent changes to one delegate are retried, never lost. */
    @jakarta.persistence.Version
    public int version;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public static Optional<Registration> findByPublicId(String publicId) {
        return find("publicId", publicId).firstResultOptional();
    }

    public static Optional<Registration> findByEventAndEmail(Event event, String emailKey) {
        return find("event = ?1 and emailKey = ?2", event, emailKey).firstResultOptional();
    }

    /** The longest-waiting registration of the event, if any. */
    public static Optional<Registration> findFirstWaitlisted(Event event) {
        return find("event = ?1 and status = ?2 order by waitlistedAt, id", event, RegistrationStatus.WAITLISTED)
                .firstResultOptional();
    }
}
