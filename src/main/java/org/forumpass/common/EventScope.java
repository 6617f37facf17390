package org.forumpass.common;

import io.quarkus.security.identity.SecurityIdentity;
import java.util.Set;
import org.forumpass.common.error.CommonError;
import org.forumpass.common.error.DomainException;

/**
 * The staff scope rule, in one place: a staff account acts on the events it lists, or on every event when
 * it lists none (null). The sign-in puts the list on the identity ({@link #EVENTS}); checking it is a look-up
 * in memory, cheap enough for the scan path. It lives in {@code common} because every feature asks it
 * (audit too, which {@code staff} depends on); it knows only the identity, not the staff feature.
 */
public final class EventScope {
    /** Identity attribute: the event slugs ({@code Set<String>}) of a scoped staff account; absent for every event. */
    public static final String EVENTS = "forumpass.events";

    private EventScope() {
    }

    /** The slugs the caller may act on, or null for every event (and for callers who are not staff). */
    public static Set<String> events(SecurityIdentity identity) {
        return identity == null ? null : identity.getAttribute(EVENTS);
    }

    public static boolean isStaff(SecurityIdentity identity) {
        return identity != null && (identity.hasRole(Roles.ORGANIZER) || identity.hasRole(Roles.DOOR));
    }

    /** Whether the caller may act on the event; callers who are not staff are judged elsewhere (manage tokens). */
    public static boolean covers(SecurityIdentity identity, String slug) {
        Set<String> events = events(identity);
        return events == null || !isStaff(identity) || slug != null && events.contains(slug);
    }

    /** 403 {@code auth.event_not_in_scope} unless the caller may act on the event. */
    public static void requireEvent(SecurityIdentity identity, String slug) {
        if (!covers(identity, slug)) {
            throw new DomainException(CommonError.EVENT_NOT_IN_SCOPE, "Your account does not cover the event '" + slug + "'");
        }
    }

    /** 403 {@code auth.event_not_in_scope} unless the caller is staff of every event (events null). */
    public static void requireAllEvents(SecurityIdentity identity) {
        if (isStaff(identity) && events(identity) != null) {
            throw new DomainException(CommonError.EVENT_NOT_IN_SCOPE, "Only an account for every event may do this");
        }
    }
}
