package org.forumpass.registration;

public enum RegistrationStatus {
    /** Has a place and a badge. */
    CONFIRMED,
    /** Holds a place; its category needs an organizer's approval. */
    PENDING,
    /** The event was full; moves up in order when a place frees. */
    WAITLISTED,
    CANCELLED,
    REJECTED;

    public boolean isActive() {
        return this == CONFIRMED || this == PENDING || this == WAITLISTED;
    }
}
