package org.forumpass.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The texts server code writes for people (scan verdicts, labels of categories and statuses, e-mails, export headers,
 * validation messages), keyed by code, one file per language: {@code messages/texts_{language}.properties}. Page
 * texts are the {@code msg} bundle beside it ({@code messages/msg_{language}.properties}). A key missing in a language
 * falls back on English; a test keeps every language's keys equal.
 */
public final class I18n {
    private static final Map<String, Properties> TEXTS = new LinkedHashMap<>();

    static {
        for (String lang : Languages.SUPPORTED) {
            TEXTS.put(lang, load("messages/texts_" + lang + ".properties"));
        }
    }

    private I18n() {
    }

    /** The text of {@code key} in {@code lang} (English when the language lacks it), or the key itself when unknown. */
    public static String text(String lang, String key) {
        Properties p = TEXTS.getOrDefault(Languages.supported(lang), TEXTS.get(Languages.DEFAULT));
        String v = p.getProperty(key);
        if (v == null) {
            v = TEXTS.get(Languages.DEFAULT).getProperty(key);
        }
        return v == null ? key : v;
    }

    /** The text with each {@code {name}} replaced by the named value. */
    public static String text(String lang, String key, Map<String, ?> values) {
        String t = text(lang, key);
        for (Map.Entry<String, ?> e : values.entrySet()) {
            t = t.replace("{" + e.getKey() + "}", String.valueOf(e.getValue()));
        }
        return t;
    }

    /** A label of an enum constant: {@code prefix.NAME}, e.g. {@code category.GOVERNMENT}. */
    public static String label(String lang, String prefix, Enum<?> value) {
        return value == null ? "" : text(lang, prefix + "." + value.name());
    }

    public static boolean has(String lang, String key) {
        Properties p = TEXTS.get(lang);
        return p != null && p.containsKey(key);
    }

    /** Every text of one language, as loaded (for the completeness test). */
    public static Map<String, String> all(String lang) {
        Map<String, String> out = new LinkedHashMap<>();
        TEXTS.get(lang).forEach((k, v) -> out.put((String) k, (String) v));
        return out;
    }

    /**
     * The texts a page's script needs, as JSON for a {@code <script type="application/json">} block: the keys under
     * {@code prefix} without it (door.signin → signin), and the keys under each of {@code whole} as they are
     * (category.GOVERNMENT). {@code <}, {@code >} and {@code &} are escaped so the block cannot end early.
     */
    public static String scriptTexts(String lang, String prefix, String... whole) {
        Map<String, String> out = new java.util.TreeMap<>();
        Map<String, String> en = all(Languages.DEFAULT);
        for (String key : en.keySet()) {
            if (key.startsWith(prefix)) {
                out.put(key.substring(prefix.length()), text(lang, key));
            }
            for (String w : whole) {
                if (key.startsWith(w)) {
                    out.put(key, text(lang, key));
                }
            }
        }
        StringBuilder json = new StringBuilder("{");
        for (Map.Entry<String, String> e : out.entrySet()) {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append(quote(e.getKey())).append(':').append(quote(e.getValue()));
        }
        return json.append('}').toString();
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '<', '>', '&' -> b.append(String.format("\\u%04x", (int) c));
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    static Properties load(String resource) {
        Properties p = new Properties();
        try (InputStream in = I18n.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing");
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
