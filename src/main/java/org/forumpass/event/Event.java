package org.forumpass.event;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.forumpass.common.BaseEntity;

@Entity
@Table(name = "event")
public class Event extends BaseEntity {
    public String slug;
    public String name;
    @Column(name = "name_zh")
    public String nameZh;
    public String theme;
    @Column(name = "theme_zh")
    public String themeZh;
    public String description;
    @Column(name = "description_zh")
    public String descriptionZh;
    public String city;
    @Column(name = "city_zh")
    public String cityZh;
    public String venue;
    @Column(name = "venue_zh")
    public String venueZh;
    @Column(name = "starts_at")
    public Instant startsAt;
    @Column(name = "ends_at")
    public Instant endsAt;
    @Column(name = "time_zone")
    public String timeZone;
    @Column(name = "registration_opens_at")
    public Instant registrationOpensAt;
    @Column(name = "registration_closes_at")
    public Instant registrationClosesAt;
    /** null: no limit. */
    public Integer capacity;
    /** Confirmed (and pending) registrations holding a place; changed only by conditional updates. */
    @Column(name = "seats_taken")
    public int seatsTaken;
    @Convert(converter = CategoriesConverter.class)
    @Column(name = "approval_required_for")
    public Set<Category> approvalRequiredFor;
    /** Categories that must give an invitation code to register. */
    @Convert(converter = CategoriesConverter.class)
    @Column(name = "invitation_required_for")
    public Set<Category> invitationRequiredFor;
    /** Categories a delegate may choose online; others need an import or an invitation code naming them. */
    @Convert(converter = CategoriesConverter.class)
    @Column(name = "self_service_categories")
    public Set<Category> selfServiceCategories;
    /** Categories that need an accepted photo before a badge exists (issue 14: photo). */
    @Convert(converter = CategoriesConverter.class)
    @Column(name = "photo_required_for")
    public Set<Category> photoRequiredFor;

    /** Categories that must give an identity document (issue 14: identity); null or empty: none. */
    @Convert(converter = CategoriesConverter.class)
    @Column(name = "identity_required_for")
    public Set<Category> identityRequiredFor;
    /** Whether door scans outside a session's time (from N minutes before its start to its end) are refused. */
    @Column(name = "checkin_window_enabled")
    public boolean checkinWindowEnabled;
    /** Days after the event ends that its delegates' personal data is kept; null: kept until erased by hand. */
    @jakarta.persistence.Column(name = "retention_days")
    public Integer retentionDays;
    @Column(name = "checkin_opens_minutes_before")
    public int checkinOpensMinutesBefore;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    /** Registration is open from registrationOpensAt (or always) until registrationClosesAt (or the event's end). */
    public boolean registrationOpenAt(Instant now) {
        Instant closes = registrationClosesAt != null ? registrationClosesAt : endsAt;
        return (registrationOpensAt == null || !now.isBefore(registrationOpensAt)) && now.isBefore(closes);
    }

    /** Whether an online registration may choose {@code category} without an invitation code naming it. */
    public boolean selfService(Category category) {
        return (selfServiceCategories == null ? Category.SELF_SERVICE_DEFAULT : selfServiceCategories).contains(category);
    }

    public static Optional<Event> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    public static List<Event> listAllByStart() {
        return list("order by startsAt, slug");
    }
}
