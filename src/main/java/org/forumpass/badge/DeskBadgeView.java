package org.forumpass.badge;

import java.time.OffsetDateTime;
import org.forumpass.event.Category;

/**
 * Issue 15: a current badge in the desk's list ({@code GET /api/v1/events/{slug}/badges}), with its delegate; {@code id}
 * is the registration's public id. Times are in the event's zone; {@code handedOutBy} is the staff account that marked
 * it collected.
 */
public record DeskBadgeView(String id, String givenName, String familyName, String nativeName, String organization,
                            String country, Category category, int serial, OffsetDateTime issuedAt, OffsetDateTime printedAt,
                            OffsetDateTime collectedAt, CollectedBy collectedBy, String proxyName, String handedOutBy) {
}
