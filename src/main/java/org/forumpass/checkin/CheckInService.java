package org.forumpass.checkin;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.forumpass.checkin.CheckInRecords.Delegate;
import org.forumpass.checkin.CheckInRecords.ManualRequest;
import org.forumpass.checkin.CheckInRecords.ScanAnswer;
import org.forumpass.checkin.CheckInRecords.ScanRequest;
import org.forumpass.common.Db;
import org.forumpass.common.RequestValidator;
import org.forumpass.common.Retry;
import org.forumpass.common.error.DomainException;
import org.forumpass.event.AgendaSession;
import org.forumpass.event.Event;
import org.forumpass.event.EventService;
import org.forumpass.registration.Registration;
import org.forumpass.registration.RegistrationSession;
import org.forumpass.registration.RegistrationStatus;
import org.forumpass.registration.SeatStatus;

/**
 * Door scans. Exactly once is settled by the database: a scan's (event, device, nonce) is unique, so
 * a replay (sequential, concurrent, from another replica, or in a batch) stores nothing new and answers
 * what the first answered; one first check-in per delegate and session is a unique key, so of 64 doors
 * scanning one badge at once exactly one is ACCEPTED; room occupancy is a conditional counter.
 */
@ApplicationScoped
public class CheckInService {
    private static final int ATTEMPTS = 6;

    @Inject
    EventService events;
    @Inject
    RequestValidator validator;
    @Inject
    Clock clock;
    @Inject
    Instance<CheckInService> self;
    @Inject
    ScanStore store;
    @Inject
    ScanLanes lanes;

    /**
     * A scan as the door device sent it; {@code staff} is who signed in on the device. The answer completes
     * when the scan's group has committed in its lane ({@link ScanLanes}), or with a 503 after
     * {@value #ANSWER_SECONDS} s rather than leaving the door waiting.
     */
    public CompletableFuture<ScanAnswer> scan(String slug, ScanRequest req, String lang, String staff) {
        RequestValidator.Violations v = validator.start(req);
        v.throwIfAny();
        return lanes.submit(slug, req, lang, staff, false).orTimeout(ANSWER_SECONDS, TimeUnit.SECONDS)
                .exceptionallyCompose(CheckInService::unwrapTimeout);
    }

    private static final int ANSWER_SECONDS = 10;

    private static CompletableFuture<ScanAnswer> unwrapTimeout(Throwable e) {
        Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        return CompletableFuture.failedFuture(cause instanceof TimeoutException
                ? new Db.Unavailable("the scan was not settled in time") : cause);
    }

    /** One scan in a transaction of its own, retried when a concurrent scan got there first. */
    ScanAnswer scanAlone(String slug, ScanRequest req, String lang, String staff) {
        return settle(() -> self.get().scanOnce(slug, req, lang, staff));
    }

    /**
     * Scans uploaded by a device that was offline, answered in order. They go through the lanes like door
     * scans (a badge's scans keep their order) and settle in groups; session codes are checked first, so a
     * batch that names an unknown session stores nothing.
     */
    public List<ScanAnswer> batch(String slug, List<ScanRequest> scans, String lang, String staff) {
        checkSessions(events.require(slug), scans);
        List<CompletableFuture<ScanAnswer>> pending = new ArrayList<>(scans.size());
        for (ScanRequest s : scans) {
            pending.add(lanes.submit(slug, s, lang, staff, true));
        }
        List<ScanAnswer> out = new ArrayList<>(scans.size());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(BATCH_SECONDS);
        for (CompletableFuture<ScanAnswer> f : pending) {
            try {
                out.add(f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            } catch (java.util.concurrent.ExecutionException e) {
                throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
            } catch (TimeoutException e) {
                throw new Db.Unavailable("the batch was not settled in time; send it again (stored scans answer as stored)");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Db.Unavailable("interrupted");
            }
        }
        return out;
    }

    private static final int BATCH_SECONDS = 60;

    private static void checkSessions(Event event, List<ScanRequest> scans) {
        java.util.Set<String> known = new java.util.HashSet<>();
        for (AgendaSession s : AgendaSession.listByEvent(event)) {
            known.add(s.code);
        }
        RequestValidator.Violations v = new RequestValidator.Violations();
        for (int i = 0; i < scans.size(); i++) {
            String code = scans.get(i).session();
            if (code != null && !code.isBlank() && !known.contains(code.strip())) {
                v.add("scans[" + i + "].session", "is not a session of this event");
            }
        }
        v.throwIfAny();
    }

    public ScanAnswer manual(String slug, ManualRequest req, String lang, String staff) {
        validator.start(req).throwIfAny();
        return settle(() -> self.get().manualOnce(slug, req, lang, staff));
    }

    /** Retries when a concurrent scan of the same nonce or the same first check-in got there first. */
    private ScanAnswer settle(java.util.function.Supplier<ScanAnswer> once) {
        for (int attempt = 1; ; attempt++) {
            try {
                return Retry.onConflict(once);
            } catch (PersistenceException e) {
                if (attempt >= ATTEMPTS || !Db.isConstraintViolation(e)) {
                    throw e;
                }
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS || !Db.isConstraintViolation(e)) {
                    throw e;
                }
            }
        }
    }

    /** Events and their sessions as the scan path reads them, for {@value #CACHE_MILLIS} ms (read-only, detached). */
    record Door(Event event, java.util.Map<String, AgendaSession> sessions, java.util.Map<Long, AgendaSession> byId,
                long loadedAt) {
    }

    private static final long CACHE_MILLIS = 2000;
    private final java.util.concurrent.ConcurrentHashMap<String, Door> doors = new java.util.concurrent.ConcurrentHashMap<>();

    /** The event and its sessions, from the cache or read in a transaction of their own (lanes have none). */
    Door door(String slug) {
        return door(slug, false);
    }

    /** The event's doors, cached for a moment; with {@code knownWillDo}, the ones cached earlier, however old. */
    Door door(String slug, boolean knownWillDo) {
        long now = System.currentTimeMillis();
        Door d = doors.get(slug);
        if (d == null || !knownWillDo && now - d.loadedAt() > CACHE_MILLIS) {
            d = QuarkusTransaction.joiningExisting().call(() -> {
                Event event = events.require(slug);
                java.util.Map<String, AgendaSession> sessions = new java.util.HashMap<>();
                java.util.Map<Long, AgendaSession> byId = new java.util.HashMap<>();
                AgendaSession.listByEvent(event).forEach(s -> {
                    sessions.put(s.code, s);
                    byId.put(s.id, s);
                });
                return new Door(event, sessions, byId, now);
            });
            doors.put(slug, d);
        }
        return d;
    }

    @Transactional
    public ScanAnswer scanOnce(String slug, ScanRequest req, String lang, String staff) {
        Door door = door(slug);
        Event event = door.event();
        Long earlier = store.findScanId(event.id, req.deviceId(), req.nonce());
        if (earlier != null) {
            return replay(event, Scan.findById(earlier), lang);
        }
        AgendaSession session = session(door, req.session());
        String code = req.code().strip();
        Instant received = clock.instant();
        Instant at = req.scannedAt() == null ? received : req.scannedAt().toInstant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        Direction direction = req.direction() == null ? Direction.IN : req.direction();
        long key = session == null ? CheckIn.ENTRANCE : session.id;
        ScanStore.Seen seen = store.read(code, key, session == null ? null : session.id);
        Outcome o;
        Delegate delegate = null;
        if (seen == null) {
            o = new Outcome(ScanResult.INVALID_CODE, null, null);
        } else {
            delegate = new Delegate(seen.publicId(), seen.givenName(), seen.familyName(), seen.nativeName(),
                    seen.organization(), seen.country(), seen.category());
            o = seen.badgeEventId() != event.id ? new Outcome(ScanResult.WRONG_EVENT, null, null)
                    : decide(event, session, seen, direction, at, req.deviceId());
        }
        store.insertScan(event.id, session == null ? null : session.id, seen == null ? null : seen.registrationId(),
                req.deviceId(), req.nonce(), excerpt(code), direction, o.result(), staff, o.firstScannedAt(), o.firstDeviceId(),
                req.scannedAt() == null ? null : req.scannedAt().toInstant().truncatedTo(java.time.temporal.ChronoUnit.MICROS),
                received);
        return answer(event, o, delegate, session, lang);
    }

    /** The rules of {@link #decide(Event, AgendaSession, Registration, boolean, Direction, Instant, String)} on the JDBC path. */
    private Outcome decide(Event event, AgendaSession session, ScanStore.Seen seen, Direction direction, Instant at,
                           String deviceId) {
        if (seen.revoked()) {
            return new Outcome(ScanResult.REVOKED, null, null);
        }
        if (seen.status() != RegistrationStatus.CONFIRMED) {
            return new Outcome(ScanResult.NOT_CONFIRMED, null, null);
        }
        if (session != null) {
            if (!session.admits(seen.category())) {
                return new Outcome(ScanResult.CATEGORY_NOT_ALLOWED, null, null);
            }
            if (session.requiresRegistration && !seen.hasSeat()) {
                return new Outcome(ScanResult.NOT_REGISTERED_FOR_SESSION, null, null);
            }
            if (outsideWindow(event, session, direction, at)) {
                return new Outcome(ScanResult.OUTSIDE_SESSION_WINDOW, null, null);
            }
        }
        Long existing = seen.checkInId();
        if (direction == Direction.OUT) {
            if (existing != null && seen.inside() && store.setInside(existing, false, true, at) == 1
                    && session != null && session.capacity != null) {
                events.leaveSession(session);
            }
            return new Outcome(ScanResult.ACCEPTED, seen.firstScannedAt(), seen.firstDeviceId());
        }
        if (existing != null && seen.inside()) {
            return new Outcome(ScanResult.ALREADY_CHECKED_IN, seen.firstScannedAt(), seen.firstDeviceId());
        }
        if (session != null && session.capacity != null && !events.tryEnterSession(session)) {
            return new Outcome(ScanResult.SESSION_FULL, seen.firstScannedAt(), seen.firstDeviceId());
        }
        if (existing != null) {
            if (store.setInside(existing, true, false, at) == 0) {
                throw new jakarta.persistence.OptimisticLockException("re-entry raced another door"); // retried
            }
            return new Outcome(ScanResult.ACCEPTED, seen.firstScannedAt(), seen.firstDeviceId());
        }
        long key = session == null ? CheckIn.ENTRANCE : session.id;
        store.insertCheckIn(event.id, seen.registrationId(), key, at, deviceId); // a concurrent first check-in fails here
        return new Outcome(ScanResult.ACCEPTED, at, deviceId);
    }

    static boolean outsideWindow(Event event, AgendaSession session, Direction direction, Instant at) {
        return event.checkinWindowEnabled && direction == Direction.IN
                && (at.isBefore(session.startsAt.minus(Duration.ofMinutes(event.checkinOpensMinutesBefore)))
                || !at.isBefore(session.endsAt));
    }

    @Transactional
    public ScanAnswer manualOnce(String slug, ManualRequest req, String lang, String staff) {
        Event event = events.require(slug);
        Optional<Scan> earlier = Scan.findByNonce(event.id, req.deviceId(), req.nonce());
        if (earlier.isPresent()) {
            return replay(event, earlier.get(), lang);
        }
        AgendaSession session = session(event, req.session());
        Registration r = Registration.findByPublicId(req.registrationId())
                .filter(x -> x.event.id.equals(event.id))
                .orElseThrow(() -> DomainException.invalid("registrationId", "is not a registration of this event"));
        Instant received = clock.instant();
        Instant at = req.scannedAt() == null ? received : req.scannedAt().toInstant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        Direction direction = req.direction() == null ? Direction.IN : req.direction();
        Outcome o = decide(event, session, r, false, direction, at, req.deviceId());
        store(event, session, r, req.deviceId(), req.nonce(), null, direction, o, true, staff, req.scannedAt(), received);
        return answer(event, o, r, session, lang);
    }

    private record Outcome(ScanResult result, Instant firstScannedAt, String firstDeviceId) {
    }

    private Outcome decide(Event event, AgendaSession session, Registration r, boolean revoked, Direction direction,
                           Instant at, String deviceId) {
        if (revoked) {
            return new Outcome(ScanResult.REVOKED, null, null);
        }
        if (r.status != RegistrationStatus.CONFIRMED) {
            return new Outcome(ScanResult.NOT_CONFIRMED, null, null);
        }
        if (session != null) {
            if (!session.admits(r.category)) {
                return new Outcome(ScanResult.CATEGORY_NOT_ALLOWED, null, null);
            }
            if (session.requiresRegistration && !hasSeat(r, session)) {
                return new Outcome(ScanResult.NOT_REGISTERED_FOR_SESSION, null, null);
            }
            if (outsideWindow(event, session, direction, at)) {
                return new Outcome(ScanResult.OUTSIDE_SESSION_WINDOW, null, null);
            }
        }
        long key = session == null ? CheckIn.ENTRANCE : session.id;
        Optional<CheckIn> existing = CheckIn.findByRegistrationAndSession(r.id, key);
        if (direction == Direction.OUT) {
            existing.filter(c -> c.inside).ifPresent(c -> {
                c.inside = false;
                c.lastAt = at;
                if (session != null && session.capacity != null) {
                    events.leaveSession(session);
                }
            });
            return new Outcome(ScanResult.ACCEPTED, existing.map(c -> c.firstScannedAt).orElse(null),
                    existing.map(c -> c.firstDeviceId).orElse(null));
        }
        if (existing.isPresent() && existing.get().inside) {
            return new Outcome(ScanResult.ALREADY_CHECKED_IN, existing.get().firstScannedAt, existing.get().firstDeviceId);
        }
        if (session != null && session.capacity != null && !events.tryEnterSession(session)) {
            return new Outcome(ScanResult.SESSION_FULL, existing.map(c -> c.firstScannedAt).orElse(null),
                    existing.map(c -> c.firstDeviceId).orElse(null));
        }
        if (existing.isPresent()) {
            CheckIn c = existing.get();
            c.inside = true;
            c.lastAt = at;
            c.flush();
            return new Outcome(ScanResult.ACCEPTED, c.firstScannedAt, c.firstDeviceId);
        }
        CheckIn c = new CheckIn();
        c.eventId = event.id;
        c.registrationId = r.id;
        c.sessionKey = key;
        c.firstScannedAt = at;
        c.firstDeviceId = deviceId;
        c.inside = true;
        c.lastAt = at;
        c.persistAndFlush(); // a concurrent first check-in at another door fails here and is retried
        return new Outcome(ScanResult.ACCEPTED, at, deviceId);
    }

    private static boolean hasSeat(Registration r, AgendaSession session) {
        return RegistrationSession.count("registration = ?1 and session = ?2 and status = ?3", r, session, SeatStatus.CONFIRMED) > 0;
    }

    static AgendaSession session(Door door, String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        AgendaSession s = door.sessions().get(code.strip());
        if (s == null) {
            throw DomainException.invalid("session", "is not a session of this event");
        }
        return s;
    }

    private static AgendaSession session(Event event, String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        return AgendaSession.findByEventAndCode(event, code.strip())
                .orElseThrow(() -> DomainException.invalid("session", "is not a session of this event"));
    }

    private static void store(Event event, AgendaSession session, Registration r, String deviceId, String nonce,
                              String excerpt, Direction direction, Outcome o, boolean manual, String staff,
                              OffsetDateTime scannedAt, Instant received) {
        Scan s = new Scan();
        s.eventId = event.id;
        s.sessionId = session == null ? null : session.id;
        s.registrationId = r == null ? null : r.id;
        s.deviceId = deviceId;
        s.nonce = nonce;
        s.codeExcerpt = excerpt;
        s.direction = direction;
        s.result = o.result();
        s.manual = manual;
        s.staffUsername = staff;
        s.firstScannedAt = o.firstScannedAt();
        s.firstDeviceId = o.firstDeviceId();
        s.scannedAt = scannedAt == null ? null : scannedAt.toInstant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        s.receivedAt = received;
        s.persistAndFlush(); // a concurrent replay of the same nonce fails here and then answers as the first
    }

    private ScanAnswer replay(Event event, Scan s, String lang) {
        Registration r = s.registrationId == null ? null : Registration.findById(s.registrationId);
        AgendaSession session = s.sessionId == null ? null : AgendaSession.findById(s.sessionId);
        return answer(event, new Outcome(s.result, s.firstScannedAt, s.firstDeviceId), r, session, lang);
    }

    private static ScanAnswer answer(Event event, Outcome o, Registration r, AgendaSession session, String lang) {
        return answer(event, o, r == null ? null : new Delegate(r.publicId, r.givenName, r.familyName, r.nativeName,
                r.organization, r.country, r.category), session, lang);
    }

    private static ScanAnswer answer(Event event, Outcome o, Delegate d, AgendaSession session, String lang) {
        return answer(event, o.result(), o.firstScannedAt(), o.firstDeviceId(), d, session, lang);
    }

    private static final java.time.format.DateTimeFormatter HH_MM = java.time.format.DateTimeFormatter.ofPattern("HH:mm");

    /**
     * The answer a door shows: the verdict, who it is, and for a repeat when and where they first came in. A badge of
     * another event answers WRONG_EVENT without its delegate, whoever scans it.
     */
    static ScanAnswer answer(Event event, ScanResult result, Instant firstScannedAt, String firstDeviceId, Delegate d,
                             AgendaSession session, String lang) {
        if (result == ScanResult.WRONG_EVENT) {
            d = null; // another event's delegate: the door of this one learns nothing about them (API.md, "Staff scope")
        }
        ZoneId zone = event.zone();
        String message = result.message(lang);
        if (result == ScanResult.ALREADY_CHECKED_IN && firstScannedAt != null) {
            String time = HH_MM.format(firstScannedAt.atZone(zone));
            message += "zh".equals(lang) ? "（" + time + "，" + firstDeviceId + "）" : " at " + time + " (" + firstDeviceId + ")";
        }
        return new ScanAnswer(result, d, session == null ? null : session.code,
                firstScannedAt == null ? null : OffsetDateTime.ofInstant(firstScannedAt, zone), firstDeviceId, message);
    }

    private static String excerpt(String code) {
        return ScanGroup.excerpt(code);
    }
}
