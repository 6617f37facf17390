package org.forumpass.event;

import com.fasterxml.jackson.databind.JsonNode;
import org.forumpass.common.RequestValidator.Violations;

/**
 * Implemented by the visa letter feature (issue 15), which keeps an event's {@code visaLetter} in its own table: event
 * create and update hand it the field as sent, so that it is checked with the event's other fields (violations
 * {@code visaLetter.<part>}) and saved in the same transaction, and organizers see it in the event's view, without the
 * event package knowing the feature (as registration's IdentityHook does for identity documents).
 */
public interface VisaLetterHook {
    /** Checks the field as sent; answers what {@link #save} keeps, or null when it was not sent (left unchanged). */
    Object check(JsonNode given, Violations v);

    /** Keeps what {@link #check} answered for the event (already persisted). */
    void save(Event event, Object checked);

    /** The event's {@code visaLetter} as organizers see it. */
    Object view(Event event);
}
