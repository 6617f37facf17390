package org.forumpass.registration;

import java.util.Optional;

/** Implemented by the badge feature: the badge shown in a registration's view, if it has one. */
public interface BadgeLookup {
    Optional<Object> badgeOf(Registration registration);
}
