package org.forumpass.badge;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * The badge in a registration's view: the code in the QR (also printed under it) and where to get it; issue 15: when an
 * organizer first printed it, and when and by whom it was collected at the desk (null until then). Times are in the
 * event's zone.
 */
public record BadgeView(String code, int serial, OffsetDateTime issuedAt, String png, String pdf,
                        OffsetDateTime printedAt, OffsetDateTime collectedAt, CollectedBy collectedBy, String proxyName) {
    static BadgeView of(Badge b, String publicId, ZoneId zone) {
        String base = "/api/v1/registrations/" + publicId + "/badge";
        return new BadgeView(b.code, b.serial, at(b.issuedAt, zone), base + ".png", base + ".pdf", at(b.printedAt, zone),
                at(b.collectedAt, zone), b.collectedBy, b.proxyName);
    }

    static OffsetDateTime at(Instant t, ZoneId zone) {
        return t == null ? null : OffsetDateTime.ofInstant(t, zone);
    }
}
