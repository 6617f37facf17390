package org.forumpass.web;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import java.util.Locale;
import org.forumpass.common.Languages;

/** The page language: ?lang=, then the remembered cookie, then Accept-Language; one of {@link Languages#SUPPORTED}. */
public final class Lang {
    public static final String COOKIE = "fp_lang";

    private Lang() {
    }

    public static String resolve(String queryLang, HttpHeaders headers) {
        return resolve(queryLang, headers.getCookies(), headers.getAcceptableLanguages());
    }

    static String resolve(String queryLang, java.util.Map<String, jakarta.ws.rs.core.Cookie> cookies, java.util.List<Locale> languages) {
        String q = normalise(queryLang);
        if (q != null) {
            return q;
        }
        var cookie = cookies.get(COOKIE);
        String c = cookie == null ? null : normalise(cookie.getValue());
        if (c != null) {
            return c;
        }
        for (Locale l : languages) {
            String a = normalise(l.getLanguage());
            if (a != null) {
                return a;
            }
        }
        return Languages.DEFAULT;
    }

    /** Remembers an explicit choice for a year. */
    public static NewCookie remember(String lang) {
        return new NewCookie.Builder(COOKIE).value(lang).path("/").maxAge(365 * 24 * 3600)
                .sameSite(NewCookie.SameSite.LAX).build();
    }

    public static Locale locale(String lang) {
        return Locale.forLanguageTag(Languages.supported(lang));
    }

    /** A supported language named by {@code s} ("zh-CN" → zh), or null. */
    private static String normalise(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String l = Languages.supported(s.trim());
        return l.equals(Languages.DEFAULT) && !s.trim().toLowerCase(Locale.ROOT).startsWith(l) ? null : l;
    }
}
