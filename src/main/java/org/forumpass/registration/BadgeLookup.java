package org.forumpass.registration;

import java.util.Optional;

/** Implemented by the badge feature: the badge shown in a registration's view, if it has one. */
public interface BadgeLookup {
    Optional<Object> badgeOf(Registration registration);

    /**
     * Issue 18: a badge code for the event signed ahead, before the event's seat is taken, so that the signature is
     * not made while the transaction holds the event's seat row; handed back in {@link RegistrationEvents.Confirmed}
     * (null: sign when the badge is issued).
     */
    default Object presign(org.forumpass.event.Event event) {
        return null;
    }
}
