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

    /**
     * Issue 18: new registrations created CONFIRMED together (a chunk of an import), each as {@link Confirmed} would
     * say it; none holds a badge yet.
     */
    public record ConfirmedAll(java.util.List<Registration> registrations) {
    }

    /**
     * Issue 18: a chunk of an import is checked (these e-mails were not registered when it looked) and is about to be
     * written in the same transaction. Nothing in the application observes it; tests register a rival meanwhile.
     */
    public record ImportChunkChecked(org.forumpass.event.Event event, java.util.List<String> emailKeys) {
    }

    /** The registration was CONFIRMED or PENDING and is no more (cancelled, rejected). */
    public record Ended(Registration registration) {
    }
}
