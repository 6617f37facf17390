package org.forumpass.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

public record EventView(String slug, String name, String nameZh, String theme, String themeZh, String description,
                        String descriptionZh, String city, String cityZh, String venue, String venueZh,
                        OffsetDateTime startsAt, OffsetDateTime endsAt, String timeZone,
                        OffsetDateTime registrationOpensAt, OffsetDateTime registrationClosesAt, boolean registrationOpen,
                        Integer capacity, Integer seatsLeft, List<Category> approvalRequiredFor,
                        List<Category> invitationRequiredFor, List<Category> selfServiceCategories, boolean checkinWindowEnabled, int checkinOpensMinutesBefore,
                        Integer retentionDays,
                        List<SessionView> sessions, List<Category> photoRequiredFor, List<Category> identityRequiredFor,
                        /** Issue 15: the visa letter settings, in organizers' views only (absent from the public one). */
                        @JsonInclude(JsonInclude.Include.NON_NULL) Object visaLetter,
                        /** Issue 16: the access zones, in the views of organizers and door staff (absent from the public one). */
                        @JsonInclude(JsonInclude.Include.NON_NULL) List<ZoneRecords.ZoneView> zones) {

    public static EventView from(Event e, List<AgendaSession> sessions, Instant now) {
        return from(e, sessions, now, null);
    }

    /** {@code visaLetter}: what organizers see of the event's visa letter settings, or null in the public view. */
    public static EventView from(Event e, List<AgendaSession> sessions, Instant now, Object visaLetter) {
        return from(e, sessions, now, visaLetter, null);
    }

    /** {@code zones}: the event's access zones for its staff, or null in the public view. */
    public static EventView from(Event e, List<AgendaSession> sessions, Instant now, Object visaLetter,
                                 List<AccessZone> zones) {
        ZoneId zone = e.zone();
        return new EventView(e.slug, e.name, e.nameZh, e.theme, e.themeZh, e.description, e.descriptionZh,
                e.city, e.cityZh, e.venue, e.venueZh,
                at(e.startsAt, zone), at(e.endsAt, zone), e.timeZone,
                at(e.registrationOpensAt, zone), at(e.registrationClosesAt, zone), e.registrationOpenAt(now),
                e.capacity, e.capacity == null ? null : Math.max(0, e.capacity - e.seatsTaken),
                e.approvalRequiredFor == null ? List.of() : e.approvalRequiredFor.stream().sorted().toList(),
                e.invitationRequiredFor == null ? List.of() : e.invitationRequiredFor.stream().sorted().toList(),
                (e.selfServiceCategories == null ? Category.SELF_SERVICE_DEFAULT : e.selfServiceCategories).stream().sorted().toList(),
                e.checkinWindowEnabled, e.checkinOpensMinutesBefore, e.retentionDays,
                sessions.stream().map(s -> SessionView.from(s, zone)).toList(),
                e.photoRequiredFor == null ? List.of() : e.photoRequiredFor.stream().sorted().toList(),
                e.identityRequiredFor == null ? List.of() : e.identityRequiredFor.stream().sorted().toList(), visaLetter,
                zones == null ? null : AccessZones.views(e, zones));
    }

    private static OffsetDateTime at(Instant instant, ZoneId zone) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, zone);
    }
}
