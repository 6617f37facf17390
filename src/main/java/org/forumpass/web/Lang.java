package org.forumpass.web;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import java.util.Locale;

/** The page language: ?lang=, then the remembered cookie, then Accept-Language. English or 中文. */
public final class Lang {
    public static final String COOKIE = "fp_lang";
    public static final Locale ZH = Locale.forLanguageTag("zh");

    private Lang() {
    }

    public static String resolve(String queryLang, HttpHeaders headers) {
        String q = normalise(queryLang);
        if (q != null) {
            return q;
        }
        var cookie = headers.getCookies().get(COOKIE);
        String c = cookie == null ? null : normalise(cookie.getValue());
        if (c != null) {
            return c;
        }
        for (Locale l : headers.getAcceptableLanguages()) {
            String a = normalise(l.getLanguage());
            if (a != null) {
                return a;
            }
        }
        return "en";
    }

    /** Remembers an explicit choice for a year. */
    public static NewCookie remember(String lang) {
        return new NewCookie.Builder(COOKIE).value(lang).path("/").maxAge(365 * 24 * 3600)
                .sameSite(NewCookie.SameSite.LAX).build();
    }

    public static Locale locale(String lang) {
        return "zh".equals(lang) ? ZH : Locale.ENGLISH;
    }

    private static String normalise(String s) {
        if (s == null) {
            return null;
        }
        String l = s.trim().toLowerCase(Locale.ROOT);
        if (l.startsWith("zh")) {
            return "zh";
        }
        if (l.startsWith("en")) {
            return "en";
        }
        return null;
    }
}
