package org.forumpass.event;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
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
import java.util.Set;
import org.forumpass.common.BaseEntity;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A session of an event's agenda ("Session" would clash with Hibernate's). */
@Entity
@Table(name = "agenda_session")
public class AgendaSession extends BaseEntity {
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "event_id")
    public Event event;
    public String code;
    public String title;
    @Column(name = "title_zh")
    public String titleZh;
    public String description;
    @Column(name = "description_zh")
    public String descriptionZh;
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "session_type")
    public SessionType type;
    public String room;
    @Column(name = "room_zh")
    public String roomZh;
    @Column(name = "starts_at")
    public Instant startsAt;
    @Column(name = "ends_at")
    public Instant endsAt;
    /** null: no limit. */
    public Integer capacity;
    /** Registrations holding a seat; changed only by conditional updates. */
    @Column(name = "seats_taken")
    public int seatsTaken;
    /** Delegates in the room now (door scans IN minus OUT); changed only by conditional updates. */
    @Column(name = "inside_now")
    public int insideNow;
    /** null: every category. */
    @Convert(converter = CategoriesConverter.class)
    @Column(name = "restricted_to")
    public Set<Category> restrictedTo;
    @Column(name = "requires_registration")
    public boolean requiresRegistration;
    /** Issue 16: the code of the access zone the session takes place in; null: none (its own rules only). */
    @Column(name = "zone_code")
    public String zone;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public Integer seatsLeft() {
        return capacity == null ? null : Math.max(0, capacity - seatsTaken);
    }

    public boolean admits(Category category) {
        return restrictedTo == null || restrictedTo.contains(category);
    }

    public static List<AgendaSession> listByEvent(Event event) {
        return list("event = ?1 order by startsAt, code", event);
    }

    public static Optional<AgendaSession> findByEventAndCode(Event event, String code) {
        return find("event = ?1 and code = ?2", event, code).firstResultOptional();
    }
}
