package org.forumpass.common;

import jakarta.ws.rs.core.HttpHeaders;
import java.util.List;
import java.util.Locale;

/**
 * The languages ForumPass speaks. Adding one is its two text files ({@code messages/msg_xx.properties},
 * {@code messages/texts_xx.properties}) and its code in {@link #SUPPORTED}.
 */
public final class Languages {
    /** The first is the default and the fall-back for a text a language lacks. */
    public static final List<String> SUPPORTED = List.of("en", "zh");
    public static final String DEFAULT = SUPPORTED.get(0);

    private Languages() {
    }

    /** The supported language {@code lang} names ("zh-CN" → zh), or the default. */
    public static String supported(String lang) {
        if (lang != null) {
            String l = lang.toLowerCase(Locale.ROOT);
            for (String s : SUPPORTED) {
                if (l.equals(s) || l.startsWith(s + "-") || l.startsWith(s + "_")) {
                    return s;
                }
            }
        }
        return DEFAULT;
    }

    public static boolean isSupported(String lang) {
        return lang != null && SUPPORTED.contains(lang);
    }

    /** The first supported language of Accept-Language, or the default. */
    public static String of(HttpHeaders headers) {
        if (headers != null) {
            for (Locale l : headers.getAcceptableLanguages()) {
                String lang = l.getLanguage().toLowerCase(Locale.ROOT);
                if (SUPPORTED.contains(lang)) {
                    return lang;
                }
            }
        }
        return DEFAULT;
    }
}
