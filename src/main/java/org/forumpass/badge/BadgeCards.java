package org.forumpass.badge;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.forumpass.common.I18n;
import org.forumpass.common.Languages;
import org.forumpass.event.AccessZone;
import org.forumpass.event.Category;
import org.forumpass.event.Event;
import org.forumpass.registration.Registration;

/** What a badge prints for a registration, in the delegate's language (English or Chinese). */
final class BadgeCards {
    private BadgeCards() {
    }

    static BadgePdf.Card of(Registration r, String code) {
        return of(r, code, null, List.of());
    }

    /**
     * {@code zones}: the event's access zones in order (issue 16); the card prints those the delegate's category opens,
     * whatever their hours (a badge is printed once for the whole forum).
     */
    static BadgePdf.Card of(Registration r, String code, java.util.function.Supplier<byte[]> photo, List<AccessZone> zones) {
        boolean zh = "zh".equals(r.language);
        Event e = r.event;
        ZoneId zone = e.zone();
        Locale locale = Locale.forLanguageTag(Languages.supported(r.language));
        DateTimeFormatter day = DateTimeFormatter.ofPattern(I18n.text(r.language, "date.day"), locale);
        String start = day.format(e.startsAt.atZone(zone));
        String end = day.format(e.endsAt.atZone(zone));
        String dates = (start.equals(end) ? start : start + " – " + end)
                + " · " + (zh && e.cityZh != null ? e.cityZh : e.city);
        String eventName = zh && e.nameZh != null ? e.nameZh : e.name;
        String country = new Locale("", r.country).getDisplayCountry(locale);
        return new BadgePdf.Card(r.givenName + " " + r.familyName.toUpperCase(Locale.ROOT), r.nativeName, r.organization,
                country, r.category, label(r.category, r.language), eventName, dates, code, photo,
                zones.stream().filter(z -> z.admits(r.category)).map(z -> new BadgePdf.ZoneBand(z.code, z.color)).toList());
    }

    /** The category in the delegate's language, followed by English where that is another language. */
    static String label(Category c, String lang) {
        String en = I18n.label(Languages.DEFAULT, "category", c);
        String l = Languages.supported(lang);
        return l.equals(Languages.DEFAULT) ? en : I18n.label(l, "category", c) + " " + en;
    }
}
