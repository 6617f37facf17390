package org.forumpass.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

/** Issue 16: the bodies and views of an event's access zones ({@code GET/PUT /api/v1/events/{slug}/zones}). */
public final class ZoneRecords {
    private ZoneRecords() {
    }

    /** A zone's name; {@code zh} may be left out (pages then show the English one). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ZoneName(String en, String zh) {
    }

    /**
     * One zone of the PUT body. Categories and times are read as text and checked by {@link AccessZones}, so that a
     * bad value is reported on its own field ({@code zones[2].categories}) with the others, not as an unreadable body.
     * {@code categories}: names of {@link Category}, empty or null for every category; {@code from}/{@code to}:
     * ISO-8601 times with an offset, null for no limit.
     */
    public record ZoneRequest(String code, ZoneName name, String color, List<String> categories, String from, String to) {
    }

    /** A zone as the API answers it: times in the event's zone, {@code categories} null for every category. */
    public record ZoneView(String code, ZoneName name, String color, List<Category> categories, OffsetDateTime from,
                           OffsetDateTime to) {
        public static ZoneView of(AccessZone z, ZoneId zone) {
            return new ZoneView(z.code, new ZoneName(z.nameEn, z.nameZh), z.color,
                    z.categories == null || z.categories.isEmpty() ? null : z.categories.stream().sorted().toList(),
                    z.opensAt == null ? null : OffsetDateTime.ofInstant(z.opensAt, zone),
                    z.closesAt == null ? null : OffsetDateTime.ofInstant(z.closesAt, zone));
        }
    }
}
