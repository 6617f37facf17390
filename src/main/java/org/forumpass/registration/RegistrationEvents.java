package org.forumpass.registration;

/**
 * Fired synchronously, inside the transaction, when a registration gains or loses its confirmed
 * status, so that features built on registration (badges) follow without registration knowing them.
 */
public final class RegistrationEvents {
    private RegistrationEvents() {
    }

    /**
     * The registration is now CONFIRMED (registered, approved, moved up from the waitlist); {@code created} when it was
     * registered in this very transaction, so it has nothing issued yet (no badge to look for); {@code presigned}, if
     * not null, is a badge code signed ahead by {@link BadgeLookup#presign}.
     */
    public record Confirmed(Registration registration, boolean created, Object presigned) {
        public Confirmed(Registration registration) {
            this(registration, false, null);
        }
    }

    /** The registration was CONFIRMED or PENDING and is no more (cancelled, rejected). */
    public record Ended(Registration registration) {
    }
}
