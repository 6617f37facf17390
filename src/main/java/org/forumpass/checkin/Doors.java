package org.forumpass.checkin;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.forumpass.common.error.DomainException;
import org.forumpass.event.AccessZone;
import org.forumpass.event.AccessZones;
import org.forumpass.event.AgendaSession;
import org.forumpass.event.Event;
import org.forumpass.event.EventService;

/**
 * Events and their session doors as the scan path reads them, cached for {@value #CACHE_MILLIS} ms (read-only,
 * detached), with each door's admission rules made once per load rather than once per scan. Each replica keeps its
 * own copy; a change to an event, a session or the event's access zones (issue 16) reaches every door within that time.
 */
@ApplicationScoped
public class Doors {
    private static final long CACHE_MILLIS = 2000;

    @Inject
    EventService events;

    private final ConcurrentHashMap<String, Venue> cache = new ConcurrentHashMap<>();

    /** One event's doors: its sessions by code and by id, their rules, and the event's check-in window. */
    record Venue(Event event, Map<String, AgendaSession> byCode, Map<Long, AgendaSession> byId,
                 Map<Long, Admission.Door> rules, Admission.Window window, long loadedAt) {

        /** The session a scan names (blank: the venue entrance, null). */
        AgendaSession session(String code) {
            if (code == null || code.isBlank()) {
                return null;
            }
            AgendaSession s = byCode.get(code.strip());
            if (s == null) {
                throw DomainException.invalid("session", "is not a session of this event");
            }
            return s;
        }

        /** The rules of a session's door; null for the entrance. */
        Admission.Door rules(AgendaSession session) {
            return session == null ? null : rules.get(session.id);
        }
    }

    /** The event and its sessions, from the cache or read in a transaction of their own (lanes have none). */
    Venue venue(String slug) {
        return venue(slug, false);
    }

    /** The event's doors, cached for a moment; with {@code knownWillDo}, the ones cached earlier, however old. */
    Venue venue(String slug, boolean knownWillDo) {
        long now = System.currentTimeMillis();
        Venue v = cache.get(slug);
        if (v == null || !knownWillDo && now - v.loadedAt() > CACHE_MILLIS) {
            v = QuarkusTransaction.joiningExisting().call(() -> load(slug, now));
            cache.put(slug, v);
        }
        return v;
    }

    private Venue load(String slug, long now) {
        Event event = events.require(slug);
        Map<String, AgendaSession> byCode = new HashMap<>();
        Map<Long, AgendaSession> byId = new HashMap<>();
        Map<Long, Admission.Door> rules = new HashMap<>();
        Map<String, AccessZone> zones = AccessZones.byCode(event);
        AgendaSession.listByEvent(event).forEach(s -> {
            byCode.put(s.code, s);
            byId.put(s.id, s);
            rules.put(s.id, rules(s, zones));
        });
        return new Venue(event, byCode, byId, rules, window(event), now);
    }

    /**
     * A session's door as {@link Admission} reads it, with the access zone it is in; null for the entrance. Reads the
     * event's zones when the session names one, so it runs in a transaction (manual check-in's).
     */
    static Admission.Door rules(AgendaSession s) {
        return s == null ? null : rules(s, s.zone == null ? Map.of() : AccessZones.byCode(s.event));
    }

    /** A session's door, its zone looked up in the event's zones by code. */
    static Admission.Door rules(AgendaSession s, Map<String, AccessZone> zones) {
        return s == null ? null
                : new Admission.Door(s.restrictedTo, s.requiresRegistration, s.capacity != null, s.startsAt, s.endsAt,
                zone(s.zone == null ? null : zones.get(s.zone)));
    }

    /** An access zone as {@link Admission} reads it. */
    static Admission.Zone zone(AccessZone z) {
        return z == null ? null : new Admission.Zone(z.code, z.categories, z.opensAt, z.closesAt);
    }

    /** The event's check-in window as {@link Admission} reads it. */
    static Admission.Window window(Event event) {
        return new Admission.Window(event.checkinWindowEnabled, event.checkinOpensMinutesBefore);
    }
}
