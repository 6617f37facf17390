package org.forumpass.photo;

import java.time.OffsetDateTime;

/** The photo part of a registration's view and of the upload's answer (never the image itself). */
public record PhotoView(PhotoStatus status, int width, int height, OffsetDateTime uploadedAt, String rejectionReason) {
    /** The answer of PUT /photo: {@code {photo: {...}}}. */
    public record Answer(PhotoView photo) {
    }
}
