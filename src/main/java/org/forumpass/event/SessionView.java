package org.forumpass.event;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

public record SessionView(String code, String title, String titleZh, String description, String descriptionZh,
                          SessionType type, String room, String roomZh, OffsetDateTime startsAt, OffsetDateTime endsAt,
                          Integer capacity, Integer seatsLeft, List<Category> restrictedTo, boolean requiresRegistration,
                          /** Issue 16: the code of the access zone the session takes place in; null: none. */
                          String zone) {

    public static SessionView from(AgendaSession s, ZoneId zone) {
        return new SessionView(s.code, s.title, s.titleZh, s.description, s.descriptionZh, s.type, s.room, s.roomZh,
                OffsetDateTime.ofInstant(s.startsAt, zone), OffsetDateTime.ofInstant(s.endsAt, zone),
                s.capacity, s.seatsLeft(), s.restrictedTo == null ? null : s.restrictedTo.stream().sorted().toList(),
                s.requiresRegistration, s.zone);
    }
}
