package org.forumpass.staff;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategy;
import org.forumpass.common.Secrets;

/** bcrypt ($2a$, cost 10: about 50-100 ms a check on one core); passwords over 72 bytes are prehashed with SHA-512. */
final class Passwords {
    static final int COST = 10;
    /** The rule of staff passwords (StaffRecords' @Size says the same to API callers). */
    static final int MIN_LENGTH = 10;
    static final int MAX_LENGTH = 200;
    private static final LongPasswordStrategy LONG = LongPasswordStrategies.hashSha512(BCrypt.Version.VERSION_2A);

    private Passwords() {
    }

    /** A password given in the environment (FORUMPASS_ADMIN_PASSWORD): the staff rule, and no placeholder. */
    static String requireAcceptable(String variable, String password) {
        Secrets.passwordWeakness(password, MIN_LENGTH, MAX_LENGTH).ifPresent(why -> {
            throw new IllegalStateException(variable + " is refused: " + why);
        });
        return password;
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
        return matches(password, Dummy.HASH);
    }

    /**
     * Checked against when the username is unknown, so timing does not tell which usernames exist. Made on the first
     * such sign-in, not at start-up (a bcrypt hash is a tenth of a second of a cold start; issue 18).
     */
    private static final class Dummy {
        static final String HASH = hash("not-a-password-0000");
    }
}
