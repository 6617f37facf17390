package org.forumpass.checkin;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.forumpass.checkin.CheckInRecords.Delegate;
import org.forumpass.checkin.CheckInRecords.ScanAnswer;
import org.forumpass.common.QueryParams;
import org.forumpass.common.RequestValidator.Violations;
import org.forumpass.common.error.DomainException;
import org.forumpass.event.AgendaSession;
import org.forumpass.event.Event;
import org.forumpass.event.EventService;
import org.forumpass.registration.Registration;

/**
 * Issue 16: what doors admitted wrongly while offline. A door that cannot reach the server decides on what it knows
 * (the badge's signature, the event, the rules it last loaded) and queues the scan; the server judges the scan again
 * when the queue arrives, knowing what the door could not: a badge revoked meanwhile, the delegate already inside
 * through another door, a full room. A <em>conflict</em> is a scan the door admitted offline ({@code offline_result}
 * ACCEPTED) that the server did not admit: someone is inside who should not be, and an organizer has to find them.
 *
 * <p>Conflicts are read from the scan rows themselves (the index of V45), so a replayed upload, stored once by its
 * nonce, is listed once. Resolving one writes who handled it, when, and a note on its scan row; the report lists
 * handled ones too unless asked for the open ones only.
 */
@ApplicationScoped
public class ScanConflicts {
    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 500;
    public static final int NOTE_MAX = 500;
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Inject
    EventService events;
    @Inject
    Clock clock;

    /**
     * Whether a scan is a conflict: the door admitted it offline and the server did not. A scan out is refused by
     * the server only for what refuses any scan (revoked, not confirmed, the session's rules), never for being
     * inside or a full room, so the one rule holds for both directions: a scan out the server accepted is no conflict.
     */
    public static boolean isConflict(ScanResult offline, ScanResult server) {
        return offline == ScanResult.ACCEPTED && server != null && server != ScanResult.ACCEPTED;
    }

    /** The report's filters and page: {@code resolved} null for all; {@code before} a scan id (the cursor) or null. */
    public record Filter(String session, Boolean resolved, Long before, int offset, int limit) {
        /** The query's text read into a filter; each bad parameter adds a violation. */
        public static Filter of(String session, String resolved, String before, String offset, String limit, Violations v) {
            Boolean r = null;
            if (resolved != null && !resolved.isBlank()) {
                switch (resolved.strip()) {
                    case "true" -> r = true;
                    case "false" -> r = false;
                    default -> v.add("resolved", "must be true or false");
                }
            }
            Long cursor = null;
            if (before != null && !before.isBlank()) {
                try {
                    cursor = Long.parseLong(before.strip());
                    if (cursor < 1) {
                        v.add("before", "must be a scan id (a whole number from 1)");
                    }
                } catch (NumberFormatException e) {
                    v.add("before", "must be a scan id (a whole number from 1)");
                }
            }
            return new Filter(session == null || session.isBlank() ? null : session.strip(), r, cursor,
                    QueryParams.integer(offset, "offset", 0, 0, Integer.MAX_VALUE, v),
                    QueryParams.integer(limit, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT, v));
        }
    }

    /** What the door showed offline, in the request's language. */
    public record OfflineVerdict(ScanResult result, String message) {
    }

    /** What the server decided, worded as a door's answer would word it (with the first entry for a repeat). */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ServerVerdict(ScanResult result, String message, OffsetDateTime firstScannedAt, String firstDeviceId) {
    }

    /** An organizer marked the conflict handled. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Resolution(OffsetDateTime at, String by, String note) {
    }

    /** One conflict; times in the event's zone; {@code session} null is the venue entrance. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ConflictView(long scanId, Delegate delegate, String session, String sessionTitle, String deviceId,
                               String staff, Direction direction, OffsetDateTime scannedAt, OffsetDateTime receivedAt,
                               OfflineVerdict offline, ServerVerdict server, Resolution resolved) {
    }

    /**
     * A page of the report, newest first. {@code total}: the conflicts the filters match (session, resolved), whatever
     * the page; {@code unresolved}: of those of the session (or all sessions), the ones nobody has handled yet.
     */
    public record ConflictPage(long total, long unresolved, List<ConflictView> items) {
    }

    /** The conflicts of an event, newest first (by arrival: the scan's id), in the request's language. */
    @Transactional
    public ConflictPage list(String slug, Filter f, String lang) {
        Event event = events.require(slug);
        Map<Long, AgendaSession> sessions = AgendaSession.listByEvent(event).stream()
                .collect(Collectors.toMap(s -> s.id, s -> s));
        StringBuilder where = new StringBuilder("eventId = :event and offlineResult = :accepted and result <> :accepted");
        Parameters p = Parameters.with("event", event.id).and("accepted", ScanResult.ACCEPTED);
        if (f.session() != null) {
            AgendaSession s = sessions.values().stream().filter(x -> x.code.equals(f.session())).findFirst()
                    .orElseThrow(() -> DomainException.invalid("session", "is not a session of this event"));
            where.append(" and sessionId = :session");
            p.and("session", s.id);
        }
        long unresolved = Scan.count(where + " and conflictResolvedAt is null", p);
        if (Boolean.TRUE.equals(f.resolved())) {
            where.append(" and conflictResolvedAt is not null");
        } else if (Boolean.FALSE.equals(f.resolved())) {
            where.append(" and conflictResolvedAt is null");
        }
        long total = Boolean.FALSE.equals(f.resolved()) ? unresolved : Scan.count(where.toString(), p);
        if (f.before() != null) {
            where.append(" and id < :before");
            p.and("before", f.before());
        }
        List<Scan> scans = Scan.<Scan>find(where + " order by id desc", p)
                .range(f.offset(), f.offset() + f.limit() - 1).list();
        Set<Long> ids = scans.stream().map(s -> s.registrationId).filter(java.util.Objects::nonNull).collect(Collectors.toSet());
        Map<Long, Registration> people = new HashMap<>();
        if (!ids.isEmpty()) {
            Registration.<Registration>list("id in ?1", ids).forEach(r -> people.put(r.id, r));
        }
        List<ConflictView> items = scans.stream()
                .map(s -> view(event, s, people.get(s.registrationId), sessions.get(s.sessionId), lang)).toList();
        return new ConflictPage(total, unresolved, items);
    }

    /**
     * Marks a conflict handled; of two organizers resolving it at once, one succeeds (a conditional update) and the
     * other is told when and by whom. 404 for a scan of another event or one that is no conflict.
     */
    @Transactional
    public ConflictView resolve(String slug, long scanId, String note, String by, String lang) {
        Event event = events.require(slug);
        String text = note == null || note.isBlank() ? null : note.strip();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        int changed = Scan.update("conflictResolvedAt = ?1, conflictResolvedBy = ?2, conflictNote = ?3 where id = ?4"
                + " and eventId = ?5 and offlineResult = ?6 and result <> ?6 and conflictResolvedAt is null",
                now, by, text, scanId, event.id, ScanResult.ACCEPTED);
        Scan s = Scan.findById(scanId);
        if (s == null || !s.eventId.equals(event.id) || !isConflict(s.offlineResult, s.result)) {
            throw new DomainException(CheckInError.CONFLICT_NOT_FOUND, "Scan " + scanId + " is no door conflict of this event");
        }
        if (changed == 0) {
            throw new DomainException(CheckInError.CONFLICT_ALREADY_RESOLVED, "Resolved "
                    + HH_MM.format(s.conflictResolvedAt.atZone(event.zone())) + " by " + s.conflictResolvedBy);
        }
        Registration r = s.registrationId == null ? null : Registration.findById(s.registrationId);
        AgendaSession session = s.sessionId == null ? null : AgendaSession.findById(s.sessionId);
        return view(event, s, r, session, lang);
    }

    private static ConflictView view(Event event, Scan s, Registration r, AgendaSession session, String lang) {
        ZoneId zone = event.zone();
        // the server's verdict worded as the door's answer words it; another event's delegate stays out
        ScanAnswer server = ScanAnswers.answer(event, s.result, s.firstScannedAt, s.firstDeviceId, ScanAnswers.delegate(r),
                session, lang);
        Resolution resolved = s.conflictResolvedAt == null ? null
                : new Resolution(at(s.conflictResolvedAt, zone), s.conflictResolvedBy, s.conflictNote);
        String title = session == null ? null
                : "zh".equals(lang) && session.titleZh != null && !session.titleZh.isBlank() ? session.titleZh : session.title;
        return new ConflictView(s.id, server.delegate(), session == null ? null : session.code, title, s.deviceId,
                s.staffUsername, s.direction, at(s.scannedAt, zone), at(s.receivedAt, zone),
                new OfflineVerdict(s.offlineResult, s.offlineResult.message(lang)),
                new ServerVerdict(server.result(), server.message(), server.firstScannedAt(), server.firstDeviceId()), resolved);
    }

    private static OffsetDateTime at(Instant t, ZoneId zone) {
        return t == null ? null : OffsetDateTime.ofInstant(t, zone);
    }
}
