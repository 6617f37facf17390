package org.forumpass.common;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.forumpass.common.RequestValidator.Violations;

/**
 * Query parameters arrive as text and are read here, so that a value that is not a number or not a date
 * answers 400 with a violation naming the parameter (RESTEasy answers 404 when it cannot convert a typed
 * {@code @QueryParam}, which tells the client nothing).
 */
public final class QueryParams {
    private QueryParams() {
    }

    /** A whole number in [min, max]; absent or blank gives {@code absent}. */
    public static int integer(String raw, String name, int absent, int min, int max, Violations v) {
        if (raw == null || raw.isBlank()) {
            return absent;
        }
        int n;
        try {
            n = Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            v.add(name, "must be a whole number between " + min + " and " + max);
            return absent;
        }
        if (n < min || n > max) {
            v.add(name, "must be between " + min + " and " + max);
            return absent;
        }
        return n;
    }

    /** An ISO 8601 date-time with an offset (2026-11-20T09:00:00+08:00) or a date (2026-11-20, from midnight UTC). */
    public static OffsetDateTime dateTime(String raw, String name, Violations v) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String t = raw.strip();
        try {
            return OffsetDateTime.parse(t);
        } catch (DateTimeParseException notDateTime) {
            try {
                return LocalDate.parse(t).atStartOfDay().atOffset(ZoneOffset.UTC);
            } catch (DateTimeParseException notDate) {
                v.add(name, "must be an ISO 8601 date-time such as 2026-11-20T09:00:00+08:00, or a date such as 2026-11-20");
                return null;
            }
        }
    }
}
