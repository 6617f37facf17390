package org.forumpass.event;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/** Delegate category, as printed on the badge band. */
public enum Category {
    GOVERNMENT, DIPLOMATIC, ACADEMIC, INDUSTRY, MEDIA, SPEAKER, STAFF;

    /** What a new event lets delegates choose online when the organizer does not say: all but STAFF. */
    public static final Set<Category> SELF_SERVICE_DEFAULT =
            Collections.unmodifiableSet(EnumSet.complementOf(EnumSet.of(STAFF)));
    /** Which registrations of a new event wait for an organizer's approval when the organizer does not say. */
    public static final Set<Category> APPROVAL_DEFAULT = Collections.unmodifiableSet(EnumSet.of(GOVERNMENT, DIPLOMATIC, SPEAKER));
}
