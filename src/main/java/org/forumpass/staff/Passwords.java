package org.forumpass.staff;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategy;

/** bcrypt ($2a$, cost 10: about 50-100 ms a check on one core); passwords over 72 bytes are prehashed with SHA-512. */
final class Passwords {
    static final int COST = 10;
    private static final LongPasswordStrategy LONG = LongPasswordStrategies.hashSha512(BCrypt.Version.VERSION_2A);
    /** Checked against when the username is unknown, so timing does not tell which usernames exist. */
    private static final String DUMMY = hash("not-a-password-0000");

    private Passwords() {
    }

    static String hash(String password) {
        return BCrypt.with(BCrypt.Version.VERSION_2A, LONG).hashToString(COST, password.toCharArray());
    }

    static boolean matches(String password, String hash) {
        try {
            return BCrypt.verifyer(BCrypt.Version.VERSION_2A, LONG).verify(password.toCharArray(), hash.toCharArray()).verified;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static boolean matchesNobody(String password) {
        return matches(password, DUMMY);
    }
}
