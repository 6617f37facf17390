package org.forumpass.event;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.forumpass.common.BaseEntity;

/**
 * Issue 16: an access zone of an event's venue (the plenary hall, a VIP lounge, the press area). A badge opens the
 * zones of its delegate's category, and a session held in a zone admits only them, during the zone's hours. Sessions
 * name a zone by its code, so rows keep their code for life: replacing an event's zones updates them in place.
 */
@Entity
@Table(name = "access_zone")
public class AccessZone extends BaseEntity {
    @Column(name = "event_id")
    public Long eventId;
    /** The zone's place in the organizer's list: badges print and the door roster lists zones in this order. */
    public int position;
    public String code;
    @Column(name = "name_en")
    public String nameEn;
    @Column(name = "name_zh")
    public String nameZh;
    /** {@code #RRGGBB}. */
    public String color;
    /** null: every category. */
    @Convert(converter = CategoriesConverter.class)
    public Set<Category> categories;
    /** The zone's opening hours; null: no limit on that side. */
    @Column(name = "opens_at")
    public Instant opensAt;
    @Column(name = "closes_at")
    public Instant closesAt;

    /** Whether a delegate of {@code category} may enter (at some hour). */
    public boolean admits(Category category) {
        return categories == null || categories.isEmpty() || categories.contains(category);
    }

    static List<AccessZone> listByEvent(Long eventId) {
        return list("eventId = ?1 order by position, code", eventId);
    }
}
