package org.forumpass.common;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.Deflater;

/**
 * Refuses secrets that someone could guess: the placeholders of examples and deploy files, repeated or
 * sequential strings, and anything shorter than {@link #MIN_LENGTH} or estimated under {@link #MIN_BITS}
 * bits. A pure function, so the rule is tested without the framework; callers fail the start with
 * {@link #require}, whose message names the variable.
 */
public final class Secrets {
    public static final int MIN_LENGTH = 32;
    public static final int MIN_BITS = 128;
    /** Words of example values, compared without case, dashes or underscores. */
    private static final List<String> PLACEHOLDERS = List.of("changeme", "changethis", "replaceme", "placeholder",
            "example", "secret", "password", "passwd", "default", "fixme", "yourkey", "xxxxxx",
            "123456", "qwerty", "letmein", "openssl", "random", "forumpass");

    private Secrets() {
    }

    /** The value, or an exception naming the variable and saying why it is refused. */
    public static String require(String variable, String value) {
        weakness(value).ifPresent(why -> {
            throw new IllegalStateException(variable + " is refused: " + why
                    + ". Generate one with: openssl rand -base64 32");
        });
        return value;
    }

    /** Why a key is too weak, or empty when it may be used. */
    public static Optional<String> weakness(String value) {
        if (value == null || value.isBlank()) {
            return Optional.of("it is empty");
        }
        String flat = flatten(value);
        for (String p : PLACEHOLDERS) {
            if (flat.contains(p)) {
                return Optional.of("it looks like a placeholder (contains \"" + p + "\")");
            }
        }
        if (value.length() < MIN_LENGTH) {
            return Optional.of("it is shorter than " + MIN_LENGTH + " characters");
        }
        int bits = estimatedBits(value);
        if (bits < MIN_BITS) {
            return Optional.of("it is too predictable (about " + bits + " bits, at least " + MIN_BITS + " needed)");
        }
        return Optional.empty();
    }

    /** Why an administrator password is refused (the rules of staff passwords, and no placeholder), or empty. */
    public static Optional<String> passwordWeakness(String password, int minLength, int maxLength) {
        if (password == null || password.length() < minLength || password.length() > maxLength) {
            return Optional.of("it must be " + minLength + " to " + maxLength + " characters");
        }
        String flat = flatten(password);
        if (flat.startsWith("changeme") || flat.startsWith("replaceme") || PLACEHOLDERS.contains(flat)
                || estimatedBits(password) < 40) {
            return Optional.of("it is a placeholder or too predictable");
        }
        return Optional.empty();
    }

    /**
     * A rough upper bound of the guessing work: each character counts the bits of its alphabet (hex,
     * base64, or the classes of characters it uses), a character that repeats or continues the one before
     * counts one bit, and the whole is capped by what deflate leaves of it (repeated patterns shrink).
     */
    static int estimatedBits(String value) {
        double perChar = log2(alphabet(value));
        double bits = 0;
        for (int i = 0; i < value.length(); i++) {
            int d = i == 0 ? Integer.MAX_VALUE : Math.abs(value.charAt(i) - value.charAt(i - 1));
            bits += d <= 1 ? 1 : perChar;
        }
        return (int) Math.min(bits, 8.0 * deflated(value));
    }

    private static int alphabet(String v) {
        if (v.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            return 16;
        }
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        boolean other = false;
        for (char c : v.toCharArray()) {
            if (c >= 'a' && c <= 'z') {
                lower = true;
            } else if (c >= 'A' && c <= 'Z') {
                upper = true;
            } else if (c >= '0' && c <= '9') {
                digit = true;
            } else {
                other = true;
            }
        }
        int size = (lower ? 26 : 0) + (upper ? 26 : 0) + (digit ? 10 : 0) + (other ? 33 : 0);
        return Math.max(size, 2);
    }

    private static int deflated(String v) {
        byte[] in = v.getBytes(StandardCharsets.UTF_8);
        Deflater d = new Deflater(Deflater.BEST_COMPRESSION, true);
        try {
            d.setInput(in);
            d.finish();
            byte[] out = new byte[in.length * 2 + 64];
            int n = 0;
            while (!d.finished()) {
                n += d.deflate(out, n, out.length - n);
            }
            return n;
        } finally {
            d.end();
        }
    }

    private static String flatten(String v) {
        return v.toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-.]", "");
    }

    private static double log2(int n) {
        return Math.log(n) / Math.log(2);
    }
}
