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
import java.util.List;
import java.util.Optional;
import org.forumpass.common.BaseEntity;
import org.forumpass.event.AgendaSession;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A session a delegate chose, with a seat or a place on that session's waitlist. */
@Entity
@Table(name = "registration_session")
public class RegistrationSession extends BaseEntity {
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "registration_id")
    public Registration registration;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "session_id")
    public AgendaSession session;
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    public SeatStatus status;
    @Column(name = "holds_seat")
    public boolean holdsSeat;
    @Column(name = "waitlisted_at")
    public Instant waitlistedAt;
    @Column(name = "created_at")
    public Instant createdAt;
    /** Optimistic lock: concurrent changes to one delegate are retried, never lost. */
    @jakarta.persistence.Version
    public int version;

    public static List<RegistrationSession> listByRegistration(Registration r) {
        return list("from RegistrationSession rs join fetch rs.session s where rs.registration = ?1 order by s.startsAt, s.code", r);
    }

    /** The longest-waiting delegate for a seat in the session whose registration holds an event place. */
    public static Optional<RegistrationSession> findFirstWaiting(AgendaSession session) {
        return find("from RegistrationSession rs join fetch rs.registration r where rs.session = ?1 and rs.status = ?2"
                        + " and r.holdsSeat = true order by rs.waitlistedAt, rs.id",
                session, SeatStatus.WAITLISTED).firstResultOptional();
    }
}
