package org.forumpass.registration;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.forumpass.common.BaseEntity;
import org.forumpass.event.CategoriesConverter;
import org.forumpass.event.Category;
import org.forumpass.event.Event;

/** A code an organizer hands to invited delegations: single-use (maxUses 1), limited, or unlimited (null). */
@Entity
@Table(name = "invitation_code")
public class InvitationCode extends BaseEntity {
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "event_id")
    public Event event;
    public String code;
    public String label;
    /** null: good for every category. */
    @Convert(converter = CategoriesConverter.class)
    public Set<Category> categories;
    @Column(name = "max_uses")
    public Integer maxUses;
    public int uses;
    @Column(name = "expires_at")
    public Instant expiresAt;
    @Column(name = "created_at")
    public Instant createdAt;

    public static Optional<InvitationCode> findByEventAndCode(Event event, String code) {
        return find("event = ?1 and code = ?2", event, code).firstResultOptional();
    }

    public static List<InvitationCode> listByEvent(Event event) {
        return list("event = ?1 order by createdAt, code", event);
    }
}
