package org.forumpass.badge;

import java.time.OffsetDateTime;
import java.time.ZoneId;

/** The badge in a registration's view: the code in the QR (also printed under it) and where to get it. */
public record BadgeView(String code, int serial, OffsetDateTime issuedAt, String png, String pdf) {
    static BadgeView of(Badge b, String publicId, ZoneId zone) {
        String base = "/api/v1/registrations/" + publicId + "/badge";
        return new BadgeView(b.code, b.serial, OffsetDateTime.ofInstant(b.issuedAt, zone), base + ".png", base + ".pdf");
    }
}
