package org.forumpass.common;

import java.text.Normalizer;

public final class Text {
    private Text() {
    }

    /**
     * What a name-like field (a name, an organization, a job title) may hold, as a regular expression for
     * {@code @Pattern}: no control characters, surrogates or private-use characters, no line or paragraph
     * separators, and no invisible format characters (bidi overrides such as U+202E, zero-width spaces,
     * tag characters, the byte-order mark, soft hyphens). The zero-width joiner and non-joiner (U+200D,
     * U+200C) are the one exception: Sinhala, Persian and Indic names need them to be spelled right, so
     * they may stand between two letters or marks (emoji ZWJ sequences are refused: Java's look-behind
     * does not see a symbol outside the Basic Multilingual Plane).
     */
    public static final String NAME_CHARS = "(?:[^\\p{Cc}\\p{Cs}\\p{Co}\\p{Cf}\\p{Zl}\\p{Zp}]"
            + "|(?<=[\\p{L}\\p{M}\\p{So}])[\\u200C\\u200D](?=[\\p{L}\\p{M}\\p{So}]))*";
    public static final String NAME_CHARS_MESSAGE = "must not contain control or invisible formatting characters";

    /** Trimmed and NFC-normalised, as every name and free text is stored; blank becomes null. */
    public static String clean(String s) {
        if (s == null) {
            return null;
        }
        String t = Normalizer.normalize(s.strip(), Normalizer.Form.NFC);
        return t.isEmpty() ? null : t;
    }

    /**
     * Whether the text holds a character no address, code or identifier may carry: a control character
     * (NUL among them), a line or paragraph separator (U+2028, U+2029), an invisible format character,
     * a surrogate or a private-use character.
     */
    public static boolean hasControlOrInvisible(String s) {
        return s != null && s.codePoints().anyMatch(cp -> switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                 Character.SURROGATE, Character.PRIVATE_USE -> true;
            default -> false;
        });
    }
}
