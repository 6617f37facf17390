package org.forumpass.web;

import org.forumpass.common.I18n;
import org.forumpass.event.Category;
import org.forumpass.event.SessionType;
import org.forumpass.registration.RegistrationStatus;
import org.forumpass.registration.SeatStatus;

/** Words for the enums a page shows, from the texts of the page's language. */
public final class Labels {
    private Labels() {
    }

    public static String status(RegistrationStatus s, String lang) {
        return I18n.label(lang, "status", s);
    }

    public static String seat(SeatStatus s, String lang) {
        return I18n.label(lang, "seat", s);
    }

    public static String category(Category c, String lang) {
        return I18n.label(lang, "category", c);
    }

    public static String sessionType(SessionType t, String lang) {
        return I18n.label(lang, "session_type", t);
    }
}
