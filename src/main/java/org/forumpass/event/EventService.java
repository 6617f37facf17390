package org.forumpass.event;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.forumpass.common.Db;
import org.forumpass.common.RequestValidator;
import static org.forumpass.common.Text.clean;
import org.forumpass.common.RequestValidator.Violations;
import org.forumpass.common.error.DomainException;
import org.hibernate.Session;

@ApplicationScoped
public class EventService {
    /** The event's seat taken if one is left: a conditional update, so that two requests never take the last one twice. */
    private static final String TAKE_EVENT_SEAT =
            "UPDATE event SET seats_taken = seats_taken + 1 WHERE id = ? AND (capacity IS NULL OR seats_taken < capacity)";

    @Inject
    Clock clock;
    @Inject
    RequestValidator validator;
    @Inject
    jakarta.enterprise.inject.Instance<VisaLetterHook> visaLetters;

    @Transactional
    public List<EventSummary> catalogue() {
        Instant now = clock.instant();
        return Event.listAllByStart().stream().map(e -> EventSummary.from(e, now)).toList();
    }

    @Transactional
    public EventView view(String slug) {
        Event event = require(slug);
        return EventView.from(event, AgendaSession.listByEvent(event), clock.instant());
    }

    /** The event as its organizers see it: with its visa letter settings (issue 15) and its access zones (issue 16). */
    @Transactional
    public EventView organizerView(String slug) {
        Event event = require(slug);
        return EventView.from(event, AgendaSession.listByEvent(event), clock.instant(), visaLetterOf(event),
                AccessZone.listByEvent(event.id));
    }

    /** Issue 16: the event as its door staff see it: the public view with the access zones its doors apply. */
    @Transactional
    public EventView doorView(String slug) {
        Event event = require(slug);
        return EventView.from(event, AgendaSession.listByEvent(event), clock.instant(), null, AccessZone.listByEvent(event.id));
    }

    /** The event, or 404 event.not_found. */
    public Event require(String slug) {
        return Event.findBySlug(slug).orElseThrow(() -> new DomainException(EventError.NOT_FOUND, "No event '" + slug + "'"));
    }

    public AgendaSession requireSession(Event event, String code) {
        return AgendaSession.findByEventAndCode(event, code).orElseThrow(
                () -> new DomainException(EventError.SESSION_NOT_FOUND, "No session '" + code + "' in " + event.slug));
    }

    public boolean exists(String slug) {
        return Event.findBySlug(slug).isPresent();
    }

    @Transactional
    public EventView create(EventRequest req) {
        Violations v = validator.start(req);
        Object visaLetter = null;
        List<AccessZone> zones = List.of();
        if (req != null) {
            checkEvent(req, v);
            visaLetter = checkVisaLetter(req, v);
            zones = AccessZones.check(req.zones(), "zones", v);
            Set<String> zoneCodes = new HashSet<>();
            zones.forEach(z -> zoneCodes.add(z.code));
            List<SessionRequest> sessions = req.sessions() == null ? List.of() : req.sessions();
            Set<String> codes = new HashSet<>();
            for (int i = 0; i < sessions.size(); i++) {
                SessionRequest s = sessions.get(i);
                if (s == null) {
                    continue;
                }
                checkSession(s, "sessions[" + i + "].", v);
                if (s.code() != null && !codes.add(s.code())) {
                    v.add("sessions[" + i + "].code", "is used twice");
                }
                String zone = zoneOf(s);
                if (zone != null && !zoneCodes.contains(zone)) {
                    v.rule("sessions[" + i + "].zone", "zone_unknown", java.util.Map.of("zone", zone));
                }
            }
        }
        v.throwIfAny();
        if (exists(req.slug())) {
            throw new DomainException(EventError.SLUG_TAKEN, "The slug '" + req.slug() + "' is taken");
        }
        Instant now = clock.instant();
        Event event = new Event();
        event.slug = req.slug();
        event.createdAt = now;
        apply(event, req, now);
        try {
            event.persistAndFlush();
        } catch (PersistenceException e) {
            if (Db.isConstraintViolation(e)) {
                throw new DomainException(EventError.SLUG_TAKEN, "The slug '" + req.slug() + "' is taken");
            }
            throw e;
        }
        AccessZones.create(event, zones); // before the sessions that name them
        if (req.sessions() != null) {
            for (SessionRequest s : req.sessions()) {
                AgendaSession session = new AgendaSession();
                session.event = event;
                session.createdAt = now;
                apply(session, s, now);
                session.persist();
            }
        }
        if (visaLetter != null) {
            visaLetters.get().save(event, visaLetter);
        }
        return EventView.from(event, AgendaSession.listByEvent(event), now, visaLetterOf(event), AccessZone.listByEvent(event.id));
    }

    @Transactional
    public EventView update(String slug, EventRequest req) {
        Event event = require(slug);
        Violations v = validator.start(req);
        Object visaLetter = null;
        if (req != null) {
            checkEvent(req, v);
            if (req.slug() != null && !req.slug().equals(slug)) {
                v.add("slug", "cannot be changed (badges and links use it)");
            }
            visaLetter = checkVisaLetter(req, v);
        }
        v.throwIfAny();
        Instant now = clock.instant();
        apply(event, req, now);
        if (visaLetter != null) {
            visaLetters.get().save(event, visaLetter);
        }
        return EventView.from(event, AgendaSession.listByEvent(event), now, visaLetterOf(event), AccessZone.listByEvent(event.id));
    }

    /** Issue 15: the body's visaLetter, checked by the visa feature; null when not sent (or no such feature). */
    private Object checkVisaLetter(EventRequest req, Violations v) {
        return req.visaLetter() == null || req.visaLetter().isNull() || !visaLetters.isResolvable() ? null
                : visaLetters.get().check(req.visaLetter(), v);
    }

    private Object visaLetterOf(Event event) {
        return visaLetters.isResolvable() ? visaLetters.get().view(event) : null;
    }

    @Transactional
    public SessionView addSession(String slug, SessionRequest req) {
        Event event = require(slug);
        Violations v = validator.start(req);
        if (req != null) {
            checkSession(req, "", v);
            AccessZones.sessionZone(event, req.zone(), "zone", v);
        }
        v.throwIfAny();
        if (AgendaSession.findByEventAndCode(event, req.code()).isPresent()) {
            throw codeTaken(req.code());
        }
        Instant now = clock.instant();
        AgendaSession session = new AgendaSession();
        session.event = event;
        session.createdAt = now;
        apply(session, req, now);
        try {
            session.persistAndFlush();
        } catch (PersistenceException e) {
            if (Db.isConstraintViolation(e)) {
                throw codeTaken(req.code());
            }
            throw e;
        }
        return SessionView.from(session, event.zone());
    }

    @Transactional
    public SessionView updateSession(String slug, String code, SessionRequest req) {
        Event event = require(slug);
        AgendaSession session = requireSession(event, code);
        Violations v = validator.start(req);
        if (req != null) {
            checkSession(req, "", v);
            AccessZones.sessionZone(event, req.zone(), "zone", v);
        }
        v.throwIfAny();
        if (!req.code().equals(code) && AgendaSession.findByEventAndCode(event, req.code()).isPresent()) {
            throw codeTaken(req.code());
        }
        boolean guardStarts = session.capacity == null && req.capacity() != null;
        apply(session, req, clock.instant());
        if (guardStarts) {
            // The room counter only runs for rooms with a capacity: start it from who is inside now.
            Number inside = (Number) AgendaSession.getEntityManager().createNativeQuery(
                    "select count(*) from checkin where session_key = ?1 and inside = true").setParameter(1, session.id)
                    .getSingleResult();
            session.insideNow = inside.intValue();
        }
        try {
            session.flush();
        } catch (PersistenceException e) {
            if (Db.isConstraintViolation(e)) {
                throw codeTaken(req.code());
            }
            throw e;
        }
        return SessionView.from(session, event.zone());
    }

    @Transactional
    public void deleteSession(String slug, String code) {
        Event event = require(slug);
        AgendaSession session = requireSession(event, code);
        try {
            session.delete();
            session.flush();
        } catch (PersistenceException e) {
            if (Db.isConstraintViolation(e)) {
                throw new DomainException(EventError.SESSION_IN_USE,
                        "Delegates have chosen '" + code + "'; move them to another session first");
            }
            throw e;
        }
    }

    /**
     * Issue 18: takes up to {@code wanted} places in the event at once (an import chunk) and answers how many it got:
     * the event's row is read under its lock ({@code FOR UPDATE}, held to the commit, as the conditional update holds
     * it), so exactly the places left are given, never more; the callers give them in their rows' order.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int takeEventSeats(Event event, int wanted) {
        return takeSeats("event", event.id, wanted);
    }

    /** Issue 18: up to {@code wanted} seats of a session at once, as {@link #takeEventSeats}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int takeSessionSeats(AgendaSession session, int wanted) {
        return takeSeats("agenda_session", session.id, wanted);
    }

    private static int takeSeats(String table, Long id, int wanted) {
        if (wanted <= 0) {
            return 0;
        }
        var em = Event.getEntityManager();
        Object[] row = (Object[]) em.createNativeQuery("SELECT capacity, seats_taken FROM " + table + " WHERE id = ?1 FOR UPDATE")
                .setParameter(1, id).getSingleResult();
        int granted = row[0] == null ? wanted
                : Math.max(0, Math.min(wanted, ((Number) row[0]).intValue() - ((Number) row[1]).intValue()));
        if (granted > 0) {
            em.createNativeQuery("UPDATE " + table + " SET seats_taken = seats_taken + ?1 WHERE id = ?2")
                    .setParameter(1, granted).setParameter(2, id).executeUpdate();
        }
        return granted;
    }

    /**
     * Takes one place in the event if one is left (a conditional update: never overbooks). When the event was full as
     * this transaction read it, the row is read again under a shared lock instead (a seat freed meanwhile is still
     * seen, and taken by the update): a full event's rush then writes nothing to the event's row. That matters on a
     * Galera cluster, where a lock held for writing on a node is broken (error 1213) by every registration another
     * node commits for the event (its foreign key takes the row for reading), so each request of a rush that a full
     * event waitlists would be tried again and again; a shared lock does not collide with them.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean tryTakeEventSeat(Event event) {
        if (event.capacity != null && event.seatsTaken >= event.capacity) {
            Event.getEntityManager().refresh(event, LockModeType.PESSIMISTIC_READ);
            if (event.seatsTaken >= event.capacity) {
                return false;
            }
        }
        // issue 18: plain JDBC, not an HQL update, which Hibernate 6 translates to SQL again at every execution (a
        // profile of the registration rush: half of this update's CPU, about 5 % of a registration's). The statement
        // changes only the event's counter, which no entity in this session has changed, so nothing waits to be flushed.
        return Event.getEntityManager().unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement take = connection.prepareStatement(TAKE_EVENT_SEAT)) {
                take.setLong(1, event.id);
                return take.executeUpdate();
            }
        }) == 1;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void releaseEventSeat(Event event) {
        Event.update("seatsTaken = seatsTaken - 1 where id = ?1 and seatsTaken > 0", event.id);
    }

    /**
     * One more delegate in the room, if the room is not full (capacity counts people inside). Only rooms
     * with a capacity keep this counter, so that scans into open rooms do not queue on one hot row.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean tryEnterSession(AgendaSession session) {
        return AgendaSession.update(
                "insideNow = insideNow + 1 where id = ?1 and (capacity is null or insideNow < capacity)", session.id) == 1;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void leaveSession(AgendaSession session) {
        AgendaSession.update("insideNow = insideNow - 1 where id = ?1 and insideNow > 0", session.id);
    }

    /** Takes one seat in the session if one is left. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean tryTakeSessionSeat(AgendaSession session) {
        return AgendaSession.update(
                "seatsTaken = seatsTaken + 1 where id = ?1 and (capacity is null or seatsTaken < capacity)", session.id) == 1;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void releaseSessionSeat(AgendaSession session) {
        AgendaSession.update("seatsTaken = seatsTaken - 1 where id = ?1 and seatsTaken > 0", session.id);
    }

    private static DomainException codeTaken(String code) {
        return new DomainException(EventError.SESSION_CODE_TAKEN, "The session code '" + code + "' is taken in this event");
    }

    private static void checkEvent(EventRequest req, Violations v) {
        if (req.timeZone() != null && !req.timeZone().isBlank() && !v.has("timeZone")) {
            try {
                ZoneId.of(req.timeZone());
            } catch (DateTimeException e) {
                v.add("timeZone", "is not an IANA time zone such as Asia/Shanghai");
            }
        }
        before(req.startsAt(), req.endsAt(), "endsAt", "must be after startsAt", v);
        before(req.registrationOpensAt(), req.registrationClosesAt(), "registrationClosesAt", "must be after registrationOpensAt", v);
        if (req.registrationClosesAt() != null && req.endsAt() != null && req.registrationClosesAt().isAfter(req.endsAt())) {
            v.add("registrationClosesAt", "must not be after the event ends");
        }
    }

    private static void checkSession(SessionRequest req, String prefix, Violations v) {
        before(req.startsAt(), req.endsAt(), prefix + "endsAt", "must be after startsAt", v);
        if (req.restrictedTo() != null && req.restrictedTo().isEmpty()) {
            v.add(prefix + "restrictedTo", "must name at least one category, or be null for every category");
        }
    }

    private static void before(OffsetDateTime a, OffsetDateTime b, String field, String message, Violations v) {
        if (a != null && b != null && !b.isAfter(a)) {
            v.add(field, message);
        }
    }

    private static void apply(Event e, EventRequest r, Instant now) {
        e.name = clean(r.name());
        e.nameZh = clean(r.nameZh());
        e.theme = clean(r.theme());
        e.themeZh = clean(r.themeZh());
        e.description = clean(r.description());
        e.descriptionZh = clean(r.descriptionZh());
        e.city = clean(r.city());
        e.cityZh = clean(r.cityZh());
        e.venue = clean(r.venue());
        e.venueZh = clean(r.venueZh());
        e.startsAt = r.startsAt().toInstant();
        e.endsAt = r.endsAt().toInstant();
        e.timeZone = r.timeZone();
        e.registrationOpensAt = r.registrationOpensAt() == null ? null : r.registrationOpensAt().toInstant();
        e.registrationClosesAt = r.registrationClosesAt() == null ? null : r.registrationClosesAt().toInstant();
        e.capacity = r.capacity();
        e.approvalRequiredFor = categories(r.approvalRequiredFor(), Category.APPROVAL_DEFAULT);
        e.selfServiceCategories = categories(r.selfServiceCategories(), Category.SELF_SERVICE_DEFAULT);
        e.invitationRequiredFor = r.invitationRequiredFor() == null || r.invitationRequiredFor().isEmpty()
                ? EnumSet.noneOf(Category.class) : EnumSet.copyOf(r.invitationRequiredFor());
        e.photoRequiredFor = categories(r.photoRequiredFor(), EnumSet.noneOf(Category.class));
        e.identityRequiredFor = categories(r.identityRequiredFor(), EnumSet.noneOf(Category.class));
        e.checkinWindowEnabled = Boolean.TRUE.equals(r.checkinWindowEnabled());
        e.retentionDays = r.retentionDays();
        e.checkinOpensMinutesBefore = r.checkinOpensMinutesBefore() == null ? 30 : r.checkinOpensMinutesBefore();
        e.updatedAt = now;
    }

    /** null: the default; an empty list: none. */
    private static Set<Category> categories(List<Category> given, Set<Category> byDefault) {
        if (given == null) {
            return EnumSet.copyOf(byDefault);
        }
        return given.isEmpty() ? EnumSet.noneOf(Category.class) : EnumSet.copyOf(given);
    }

    private static void apply(AgendaSession s, SessionRequest r, Instant now) {
        s.code = r.code();
        s.title = clean(r.title());
        s.titleZh = clean(r.titleZh());
        s.description = clean(r.description());
        s.descriptionZh = clean(r.descriptionZh());
        s.type = r.type();
        s.room = clean(r.room());
        s.roomZh = clean(r.roomZh());
        s.startsAt = r.startsAt().toInstant();
        s.endsAt = r.endsAt().toInstant();
        s.capacity = r.capacity();
        s.restrictedTo = r.restrictedTo() == null ? null : EnumSet.copyOf(r.restrictedTo());
        s.requiresRegistration = Boolean.TRUE.equals(r.requiresRegistration());
        s.zone = zoneOf(r);
        s.updatedAt = now;
    }

    /** The zone code a session request names, or null for none. */
    private static String zoneOf(SessionRequest r) {
        return r.zone() == null || r.zone().isBlank() ? null : r.zone().strip();
    }
}
