package org.forumpass.registration;

import org.forumpass.common.RequestValidator.Violations;
import org.forumpass.event.Category;
import org.forumpass.event.Event;

/**
 * Implemented by the identity feature, so that registration keeps the document in its own transaction
 * without knowing how it is encrypted (as {@link BadgeLookup} does for badges).
 */
public interface IdentityHook {
    /**
     * Checks a document before anything is written (violations {@code identity.<field>}, or {@code identity} when
     * {@code enforceRequired} and the event requires one for the category); answers what {@link #store} keeps, or
     * null when no document was given.
     */
    Object check(Event event, Category category, IdentityInput input, boolean enforceRequired, Violations v);

    /** Keeps (or replaces) the registration's document; {@code checked} is what {@link #check} answered. */
    void store(Registration registration, Object checked);

    /** The masked document shown to organizers and to the delegate, or null. */
    Object masked(Registration registration);

    /** Deletes the registration's document (erasure, retention). */
    void erase(Registration registration);

    /** The keyed hash of a document number as searched, or null when it cannot be a number (a violation is added). */
    String numberHash(String number, Violations v);
}
