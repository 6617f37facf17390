package org.forumpass.common;

import jakarta.ws.rs.core.HttpHeaders;
import java.util.Locale;

/** en or zh, from Accept-Language. */
public final class Languages {
    private Languages() {
    }

    public static String of(HttpHeaders headers) {
        if (headers != null) {
            for (Locale l : headers.getAcceptableLanguages()) {
                String lang = l.getLanguage().toLowerCase(Locale.ROOT);
                if (lang.startsWith("zh")) {
                    return "zh";
                }
                if (lang.startsWith("en")) {
                    return "en";
                }
            }
        }
        return "en";
    }
}
