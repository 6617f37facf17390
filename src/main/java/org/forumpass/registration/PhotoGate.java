package org.forumpass.registration;

import java.util.Optional;

/**
 * Implemented by the photo feature (issue 14): what registration and badges need to know about a delegate's photo,
 * without depending on that feature.
 */
public interface PhotoGate {
    /** The photo part of the registration's view ({status, width, height, uploadedAt, rejectionReason}), if any. */
    Optional<Object> photoOf(Registration registration);

    /** Whether the registration's photo has been accepted by an organizer. */
    boolean accepted(Registration registration);

    /** The accepted photo (JPEG) to print on the badge, or null. */
    byte[] acceptedImage(Long registrationId);

    /** Issue 18: the accepted photos of several registrations in one query, by registration id (none: absent). */
    java.util.Map<Long, byte[]> acceptedImages(java.util.Collection<Long> registrationIds);
}
