package org.forumpass.checkin;

import java.util.Optional;
import org.forumpass.registration.Registration;

/** What a scanned string is: a genuine badge (of which registration, revoked or not) or nothing. */
public record CodeCheck(Kind kind, Registration registration, boolean revoked) {
    public enum Kind { GENUINE, WRONG_EVENT, INVALID }

    public static final CodeCheck INVALID = new CodeCheck(Kind.INVALID, null, false);

    /** Implemented by the badge feature. */
    public interface Checker {
        CodeCheck check(org.forumpass.event.Event event, String code);
    }

    public Optional<Registration> genuine() {
        return kind == Kind.INVALID ? Optional.empty() : Optional.ofNullable(registration);
    }
}
