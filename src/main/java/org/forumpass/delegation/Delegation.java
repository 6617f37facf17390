package org.forumpass.delegation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.forumpass.common.BaseEntity;
import org.forumpass.event.Event;

/** A group one focal point registers and manages: a ministry, an embassy, a company. */
@Entity
@Table(name = "delegation")
public class Delegation extends BaseEntity {
    @Column(name = "public_id")
    public String publicId;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "event_id")
    public Event event;
    public String name;
    public String country;
    public String organization;
    @Column(name = "focal_name")
    public String focalName;
    @Column(name = "focal_email")
    public String focalEmail;
    @Column(name = "focal_language")
    public String focalLanguage;
    /** Bumped to revoke the focal point's link. */
    @Column(name = "token_version")
    public int tokenVersion;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public int version;

    public static Optional<Delegation> findByPublicId(String publicId) {
        return find("publicId", publicId).firstResultOptional();
    }

    public static List<Delegation> listByEvent(Event event) {
        return list("event = ?1 order by name", event);
    }
}
