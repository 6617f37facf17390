package org.forumpass.event;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.forumpass.common.Db;
import org.forumpass.common.RequestValidator.Violations;
import org.forumpass.common.Text;
import org.forumpass.common.error.DomainException;
import org.forumpass.event.ZoneRecords.ZoneRequest;
import org.forumpass.event.ZoneRecords.ZoneView;

/**
 * Issue 16: an event's access zones. Organizers replace them as a whole; everything else reads them through here: the
 * door's rules ({@code checkin/Doors}), the badge's coloured bands and the door roster ask {@link #codesFor} which zones
 * a category opens, in the organizer's order.
 */
@ApplicationScoped
public class AccessZones {
    public static final Pattern CODE = Pattern.compile("[A-Z0-9_-]{1,32}");
    public static final Pattern COLOR = Pattern.compile("^#[0-9A-Fa-f]{6}$");
    static final int MAX_ZONES = 50;
    static final int MAX_NAME = 100;

    @Inject
    EventService events;

    /** The event's zones in the organizer's order. */
    @Transactional
    public List<AccessZone> of(Event event) {
        return AccessZone.listByEvent(event.id);
    }

    /** The codes of the event's zones a delegate of {@code category} may enter, in the organizer's order. */
    @Transactional
    public List<String> codesFor(Event event, Category category) {
        return codesFor(of(event), category);
    }

    /** The codes of the zones (given in order) that a delegate of {@code category} may enter. */
    public static List<String> codesFor(List<AccessZone> zones, Category category) {
        return zones.stream().filter(z -> z.admits(category)).map(z -> z.code).toList();
    }

    /** The event's zones by code, for the rules of its session doors. */
    public static Map<String, AccessZone> byCode(Event event) {
        Map<String, AccessZone> out = new HashMap<>();
        AccessZone.listByEvent(event.id).forEach(z -> out.put(z.code, z));
        return out;
    }

    @Transactional
    public List<ZoneView> get(String slug) {
        Event event = events.require(slug);
        return views(event, AccessZone.listByEvent(event.id));
    }

    static List<ZoneView> views(Event event, List<AccessZone> zones) {
        return zones.stream().map(z -> ZoneView.of(z, event.zone())).toList();
    }

    /**
     * Replaces the event's zones: every bad field is reported at once and nothing is stored; a zone left out that a
     * session still names is refused with 409 {@code zone.in_use} naming the sessions. Zones kept are updated in place
     * (sessions name them by code), new ones are added, the ones left out deleted, all in one transaction.
     */
    @Transactional
    public List<ZoneView> put(String slug, List<ZoneRequest> body) {
        Event event = events.require(slug);
        Violations v = new Violations();
        if (body == null) {
            v.add("zones", "is required (an empty list removes every zone)");
        }
        v.throwIfAny();
        List<AccessZone> wanted = check(body, "zones", v);
        v.throwIfAny();
        Map<String, AccessZone> existing = new LinkedHashMap<>();
        AccessZone.<AccessZone>find("eventId = ?1", event.id).withLock(LockModeType.PESSIMISTIC_WRITE).<AccessZone>list()
                .forEach(z -> existing.put(z.code, z));
        Set<String> removed = new TreeSet<>(existing.keySet());
        wanted.forEach(z -> removed.remove(z.code));
        requireUnused(event, removed);
        try {
            int position = 0;
            for (AccessZone w : wanted) {
                AccessZone z = existing.get(w.code);
                if (z == null) {
                    z = w;
                    z.eventId = event.id;
                    z.position = position++;
                    z.persist();
                } else {
                    z.position = position++;
                    copy(w, z);
                }
            }
            for (String code : removed) {
                existing.get(code).delete();
            }
            AccessZone.flush();
        } catch (PersistenceException e) {
            if (Db.isConstraintViolation(e)) { // another change of the zones or the sessions got in between
                throw removed.isEmpty()
                        ? new DomainException(org.forumpass.common.error.CommonError.CONFLICT, "The zones were changed at the same time; reload them and try again")
                        : new DomainException(EventError.ZONE_IN_USE, "A session was just given one of the zones " + removed
                        + "; reload the sessions and try again");
            }
            throw e;
        }
        return views(event, AccessZone.listByEvent(event.id));
    }

    /** 409 zone.in_use when a session of the event names one of {@code removed}. */
    private static void requireUnused(Event event, Set<String> removed) {
        if (removed.isEmpty()) {
            return;
        }
        List<AgendaSession> using = AgendaSession.list("event = ?1 and zone in ?2 order by zone, code", event, removed);
        if (!using.isEmpty()) {
            Map<String, List<String>> byZone = new TreeMap<>();
            using.forEach(s -> byZone.computeIfAbsent(s.zone, k -> new ArrayList<>()).add(s.code));
            String detail = byZone.entrySet().stream().map(e -> e.getKey() + " (sessions " + String.join(", ", e.getValue()) + ")")
                    .collect(Collectors.joining("; "));
            throw new DomainException(EventError.ZONE_IN_USE, "Sessions still take place in the zones to remove: " + detail
                    + "; move them to another zone first");
        }
    }

    /**
     * Checks zones as sent (in PUT .../zones, or {@code zones} of a new event) and answers them tidied, not yet stored;
     * each bad part is a violation named {@code <at>[i].<field>}.
     */
    static List<AccessZone> check(List<ZoneRequest> zones, String at, Violations v) {
        List<AccessZone> out = new ArrayList<>();
        if (zones == null) {
            return out;
        }
        if (zones.size() > MAX_ZONES) {
            v.rule(at, "size", Map.of("min", 0, "max", MAX_ZONES));
            return out;
        }
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < zones.size(); i++) {
            String p = at + "[" + i + "]";
            ZoneRequest z = zones.get(i);
            if (z == null) {
                v.rule(p, "required");
                continue;
            }
            AccessZone row = new AccessZone();
            row.code = z.code() == null ? null : z.code().strip();
            if (row.code == null || row.code.isEmpty()) {
                v.rule(p + ".code", "required");
            } else if (!CODE.matcher(row.code).matches()) {
                v.rule(p + ".code", "zone_code");
            } else if (!codes.add(row.code)) {
                v.rule(p + ".code", "zone_code_taken", Map.of("code", row.code));
            }
            row.nameEn = Text.clean(z.name() == null ? null : z.name().en());
            row.nameZh = Text.clean(z.name() == null ? null : z.name().zh());
            if (row.nameEn == null) {
                v.rule(p + ".name.en", "required");
            }
            name(row.nameEn, p + ".name.en", v);
            name(row.nameZh, p + ".name.zh", v);
            if (z.color() == null || z.color().isBlank()) {
                v.rule(p + ".color", "required");
            } else if (!COLOR.matcher(z.color().strip()).matches()) {
                v.rule(p + ".color", "zone_color");
            } else {
                row.color = z.color().strip().toUpperCase(java.util.Locale.ROOT);
            }
            row.categories = categories(z.categories(), p + ".categories", v);
            row.opensAt = time(z.from(), p + ".from", v);
            row.closesAt = time(z.to(), p + ".to", v);
            if (row.opensAt != null && row.closesAt != null && !row.closesAt.isAfter(row.opensAt)) {
                v.rule(p + ".to", "zone_hours");
            }
            out.add(row);
        }
        return out;
    }

    private static void name(String name, String field, Violations v) {
        if (name == null) {
            return;
        }
        if (name.length() > MAX_NAME) {
            v.rule(field, "size", Map.of("min", 0, "max", MAX_NAME));
        }
        if (Text.hasControlOrInvisible(name)) {
            v.rule(field, "control_characters");
        }
    }

    /** null or empty: every category (stored as NULL). */
    private static Set<Category> categories(List<String> given, String field, Violations v) {
        if (given == null || given.isEmpty()) {
            return null;
        }
        Set<Category> out = EnumSet.noneOf(Category.class);
        for (String c : given) {
            try {
                out.add(Category.valueOf(c == null ? "" : c.strip()));
            } catch (IllegalArgumentException e) {
                v.rule(field, "zone_category", Map.of("category", String.valueOf(c), "values", Arrays.toString(Category.values())));
            }
        }
        return out;
    }

    private static Instant time(String iso, String field, Violations v) {
        if (iso == null || iso.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(iso.strip()).toInstant();
        } catch (DateTimeException e) {
            v.rule(field, "zone_time");
            return null;
        }
    }

    private static void copy(AccessZone from, AccessZone to) {
        to.nameEn = from.nameEn;
        to.nameZh = from.nameZh;
        to.color = from.color;
        to.categories = from.categories;
        to.opensAt = from.opensAt;
        to.closesAt = from.closesAt;
    }

    /** Persists the checked zones of a new event (no session names them yet). */
    static void create(Event event, List<AccessZone> zones) {
        int position = 0;
        for (AccessZone z : zones) {
            z.eventId = event.id;
            z.position = position++;
            z.persist();
        }
    }

    /**
     * A session's zone: null for none; a violation on {@code field} when the event has no zone of that code. The zone's
     * row is read with a share lock, so that a change of the zones waits for this session's transaction (and then finds
     * the session naming the zone) rather than the two passing each other.
     */
    static String sessionZone(Event event, String code, String field, Violations v) {
        String c = code == null || code.isBlank() ? null : code.strip();
        if (c == null) {
            return null;
        }
        boolean known = AccessZone.find("eventId = ?1 and code = ?2", event.id, c).withLock(LockModeType.PESSIMISTIC_READ)
                .firstResultOptional().isPresent();
        if (!known) {
            v.rule(field, "zone_unknown", Map.of("zone", c));
        }
        return c;
    }
}
