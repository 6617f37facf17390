package org.forumpass.web;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.forumpass.common.I18n;
import org.forumpass.event.EventSummary;
import org.forumpass.event.EventView;
import org.forumpass.event.SessionView;

/** What the pages show: names and dates in the page's language. */
public final class PageModels {
    private PageModels() {
    }

    public record EventCard(String slug, String name, String theme, String city, String venue, String dates, boolean open) {
        static EventCard of(EventSummary e, String lang) {
            boolean zh = "zh".equals(lang);
            return new EventCard(e.slug(), pick(zh, e.nameZh(), e.name()), pick(zh, e.themeZh(), e.theme()),
                    pick(zh, e.cityZh(), e.city()), pick(zh, e.venueZh(), e.venue()),
                    PageModels.dates(e.startsAt(), e.endsAt(), lang), e.registrationOpen());
        }
    }

    public record EventPage(String slug, String name, String theme, String description, String city, String venue,
                            String dates, String timeZone, boolean open, List<SessionLine> sessions) {
        static EventPage of(EventView e, String lang) {
            boolean zh = "zh".equals(lang);
            return new EventPage(e.slug(), pick(zh, e.nameZh(), e.name()), pick(zh, e.themeZh(), e.theme()),
                    pick(zh, e.descriptionZh(), e.description()), pick(zh, e.cityZh(), e.city()),
                    pick(zh, e.venueZh(), e.venue()), PageModels.dates(e.startsAt(), e.endsAt(), lang), e.timeZone(),
                    e.registrationOpen(), e.sessions().stream().map(s -> SessionLine.of(s, lang)).toList());
        }
    }

    public record SessionLine(String code, String title, String type, String room, String description, String time,
                              String restrictedTo, boolean requiresRegistration, Integer capacity, Integer seatsLeft,
                              String restrictedCodes) {
        static SessionLine of(SessionView s, String lang) {
            boolean zh = "zh".equals(lang);
            String restricted = s.restrictedTo() == null ? null
                    : s.restrictedTo().stream().map(c -> Labels.category(c, lang)).collect(Collectors.joining(", "));
            return new SessionLine(s.code(), pick(zh, s.titleZh(), s.title()), Labels.sessionType(s.type(), lang),
                    pick(zh, s.roomZh(), s.room()), pick(zh, s.descriptionZh(), s.description()),
                    TIME.format(s.startsAt()) + "–" + TIME.format(s.endsAt()), restricted, s.requiresRegistration(),
                    s.capacity(), s.seatsLeft(), s.restrictedTo() == null ? ""
                            : s.restrictedTo().stream().sorted().map(Enum::name).collect(Collectors.joining(" ")));
        }
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    static String dates(OffsetDateTime start, OffsetDateTime end, String lang) {
        Locale locale = Lang.locale(lang);
        DateTimeFormatter day = DateTimeFormatter.ofPattern(I18n.text(lang, "date.weekday"), locale);
        if (start.toLocalDate().equals(end.toLocalDate())) {
            return day.format(start) + ", " + TIME.format(start) + "–" + TIME.format(end);
        }
        return day.format(start) + " " + TIME.format(start) + " – " + day.format(end) + " " + TIME.format(end);
    }

    static String pick(boolean zh, String chinese, String english) {
        return zh && chinese != null ? chinese : english;
    }
}
