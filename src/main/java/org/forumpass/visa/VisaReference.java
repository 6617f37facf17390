package org.forumpass.visa;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * Letter references: "FPV-" and 80 random bits as four groups of four Crockford base-32 characters
 * (FPV-7K3M-Q9XD-2HFP-WN4R). Nothing in them counts or can be derived: a reference is found only by having the letter.
 */
final class VisaReference {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

    private VisaReference() {
    }

    static String next() {
        StringBuilder sb = new StringBuilder("FPV");
        for (int i = 0; i < 16; i++) {
            if (i % 4 == 0) {
                sb.append('-');
            }
            sb.append(ALPHABET[RANDOM.nextInt(32)]);
        }
        return sb.toString();
    }

    /** As typed from the paper: case and spaces do not matter; Crockford's look-alikes O, I and L read as 0, 1, 1. */
    static String normalise(String raw) {
        if (raw == null) {
            return "";
        }
        String s = raw.strip().toUpperCase(Locale.ROOT).replaceAll("[\\s]", "");
        if (!s.startsWith("FPV-")) {
            return s;
        }
        return "FPV-" + s.substring(4).replace('O', '0').replace('I', '1').replace('L', '1');
    }
}
