package org.forumpass.visa;

import java.util.Map;
import org.forumpass.common.RequestValidator.Violations;
import org.forumpass.common.Text;
import org.forumpass.visa.VisaLetterRecords.Bilingual;
import org.forumpass.visa.VisaLetterRecords.Issuer;
import org.forumpass.visa.VisaLetterRecords.Settings;

/**
 * Checks an event's visa letter settings (violations under {@code prefix}, all at once): when letters are enabled the
 * letter needs every part in both languages (issuer name, address, signatory's title, purpose) and the signatory;
 * whether enabled or not, no part may be longer than the letter has room for or hold invisible characters.
 */
final class VisaLetterRules {
    static final int NAME = 200;
    static final int ADDRESS = 300;
    static final int SIGNATORY = 100;
    static final int TITLE = 100;
    static final int PURPOSE = 500;

    private VisaLetterRules() {
    }

    /** The settings cleaned (trimmed, NFC, blank parts null); violations added for what is wrong. */
    static Settings check(Settings s, String prefix, Violations v) {
        boolean on = s != null && Boolean.TRUE.equals(s.enabled());
        Issuer issuer = s == null ? null : s.issuer();
        Bilingual name = bilingual(issuer == null ? null : issuer.name(), prefix + "issuer.name", NAME, false, on, v);
        Bilingual address = bilingual(issuer == null ? null : issuer.address(), prefix + "issuer.address", ADDRESS, true, on, v);
        String signatory = text(issuer == null ? null : issuer.signatory(), prefix + "issuer.signatory", SIGNATORY, false, on, v);
        Bilingual title = bilingual(issuer == null ? null : issuer.title(), prefix + "issuer.title", TITLE, false, on, v);
        Bilingual purpose = bilingual(s == null ? null : s.purpose(), prefix + "purpose", PURPOSE, true, on, v);
        return new Settings(on, new Issuer(name, address, signatory, title), purpose);
    }

    private static Bilingual bilingual(Bilingual b, String field, int max, boolean lines, boolean required, Violations v) {
        return new Bilingual(text(b == null ? null : b.en(), field + ".en", max, lines, required, v),
                text(b == null ? null : b.zh(), field + ".zh", max, lines, required, v));
    }

    /** {@code lines}: the text may hold line breaks (an address, a paragraph), printed as they are. */
    private static String text(String raw, String field, int max, boolean lines, boolean required, Violations v) {
        String t = raw == null ? null : Text.clean(lines ? raw.replace("\r\n", "\n").replace('\r', '\n') : raw);
        if (t == null) {
            if (required) {
                v.rule(field, "required");
            }
            return null;
        }
        if (t.length() > max) {
            v.rule(field, "size", Map.of("min", 1, "max", max));
        }
        if (Text.hasControlOrInvisible(lines ? t.replace("\n", "") : t)) {
            v.rule(field, "control_characters");
        }
        return t;
    }
}
