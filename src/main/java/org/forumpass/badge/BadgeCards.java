package org.forumpass.badge;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.forumpass.event.Category;
import org.forumpass.event.Event;
import org.forumpass.registration.Registration;

/** What a badge prints for a registration, in the delegate's language (English or Chinese). */
final class BadgeCards {
    private static final String[][] CATEGORY = {
            {"GOVERNMENT", "Government", "政府"}, {"DIPLOMATIC", "Diplomatic corps", "外交使节"},
            {"ACADEMIC", "Academia", "学术界"}, {"INDUSTRY", "Industry", "企业界"}, {"MEDIA", "Media", "媒体"},
            {"SPEAKER", "Speaker", "演讲嘉宾"}, {"STAFF", "Staff", "工作人员"}};

    private BadgeCards() {
    }

    static BadgePdf.Card of(Registration r, String code) {
        return of(r, code, null);
    }

    static BadgePdf.Card of(Registration r, String code, java.util.function.Supplier<byte[]> photo) {
        boolean zh = "zh".equals(r.language);
        Event e = r.event;
        ZoneId zone = e.zone();
        Locale locale = zh ? Locale.CHINESE : Locale.ENGLISH;
        DateTimeFormatter day = zh ? DateTimeFormatter.ofPattern("yyyy年M月d日", locale)
                : DateTimeFormatter.ofPattern("d MMMM yyyy", locale);
        String start = day.format(e.startsAt.atZone(zone));
        String end = day.format(e.endsAt.atZone(zone));
        String dates = (start.equals(end) ? start : start + " – " + end)
                + " · " + (zh && e.cityZh != null ? e.cityZh : e.city);
        String eventName = zh && e.nameZh != null ? e.nameZh : e.name;
        String country = new Locale("", r.country).getDisplayCountry(locale);
        return new BadgePdf.Card(r.givenName + " " + r.familyName.toUpperCase(Locale.ROOT), r.nativeName, r.organization,
                country, r.category, label(r.category, zh), eventName, dates, code, photo);
    }

    static String label(Category c, boolean zh) {
        for (String[] row : CATEGORY) {
            if (row[0].equals(c.name())) {
                return zh ? row[2] + " " + row[1] : row[1];
            }
        }
        return c.name();
    }
}
