package org.forumpass.registration;

/**
 * Fired synchronously, inside the transaction, when a registration gains or loses its confirmed
 * status, so that features built on registration (badges) follow without registration knowing them.
 */
public final class RegistrationEvents {
    private RegistrationEvents() {
    }

    /** The registration is now CONFIRMED (registered, approved, moved up from the waitlist). */
    public record Confirmed(Registration registration) {
    }

    /** The registration was CONFIRMED or PENDING and is no more (cancelled, rejected). */
    public record Ended(Registration registration) {
    }
}
