package org.forumpass.event;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/** One entry of the public catalogue. */
public record EventSummary(String slug, String name, String nameZh, String theme, String themeZh, String city, String cityZh,
                           String venue, String venueZh, OffsetDateTime startsAt, OffsetDateTime endsAt, String timeZone,
                           boolean registrationOpen) {

    public static EventSummary from(Event e, Instant now) {
        ZoneId zone = e.zone();
        return new EventSummary(e.slug, e.name, e.nameZh, e.theme, e.themeZh, e.city, e.cityZh, e.venue, e.venueZh,
                OffsetDateTime.ofInstant(e.startsAt, zone), OffsetDateTime.ofInstant(e.endsAt, zone), e.timeZone,
                e.registrationOpenAt(now));
    }
}
