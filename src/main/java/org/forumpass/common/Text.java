package org.forumpass.common;

import java.text.Normalizer;

public final class Text {
    private Text() {
    }

    /** Trimmed and NFC-normalised, as every name and free text is stored; blank becomes null. */
    public static String clean(String s) {
        if (s == null) {
            return null;
        }
        String t = Normalizer.normalize(s.strip(), Normalizer.Form.NFC);
        return t.isEmpty() ? null : t;
    }
}
