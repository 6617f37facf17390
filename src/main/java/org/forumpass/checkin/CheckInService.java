package org.forumpass.checkin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.forumpass.checkin.CheckInRecords.ManualRequest;
import org.forumpass.checkin.CheckInRecords.ScanAnswer;
import org.forumpass.checkin.CheckInRecords.ScanRequest;
import org.forumpass.common.Db;
import org.forumpass.common.RequestValidator;
import org.forumpass.common.error.DomainException;
import org.forumpass.event.AgendaSession;
import org.forumpass.event.Event;
import org.forumpass.event.EventService;
import org.forumpass.registration.Registration;
import org.forumpass.registration.RegistrationSession;
import org.forumpass.registration.SeatStatus;

/**
 * Door scans. Exactly once is settled by the database: a scan's (event, device, nonce) is unique, so
 * a replay (sequential, concurrent, from another replica, or in a batch) stores nothing new and answers
 * what the first answered; one first check-in per delegate and session is a unique key, so of 64 doors
 * scanning one badge at once exactly one is ACCEPTED; room occupancy is a conditional counter.
 */
@ApplicationScoped
public class CheckInService {
    @Inject
    EventService events;
    @Inject
    RequestValidator validator;
    @Inject
    Clock clock;
    @Inject
    Instance<CheckInService> self;
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
                .exceptionallyCompose(CheckInService::unwrapTimeout).thenApply(a -> a.judged(req.offlineResult()));
    }

    private static final int ANSWER_SECONDS = 10;

    private static CompletableFuture<ScanAnswer> unwrapTimeout(Throwable e) {
        Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        return CompletableFuture.failedFuture(cause instanceof TimeoutException
                ? new Db.Unavailable("the scan was not settled in time") : cause);
    }

    /**
     * Scans uploaded by a device that was offline, answered in order. They go through the lanes like door
     * scans (a badge's scans keep their order) and settle in groups; session codes are checked first, so a
     * batch that names an unknown session stores nothing. Each answer tells whether its scan is a conflict: the door
     * admitted it offline and the server did not (issue 16); a replay is judged again on the verdict stored first.
     */
    public List<ScanAnswer> batch(String slug, List<ScanRequest> scans, String lang, String staff) {
        checkSessions(events.require(slug), scans);
        List<CompletableFuture<ScanAnswer>> pending = new ArrayList<>(scans.size());
        for (ScanRequest s : scans) {
            pending.add(lanes.submit(slug, s, lang, staff, true));
        }
        List<ScanAnswer> out = new ArrayList<>(scans.size());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(BATCH_SECONDS);
        for (int i = 0; i < pending.size(); i++) {
            try {
                ScanAnswer a = pending.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                out.add(a.judged(scans.get(i).offlineResult()));
            } catch (ExecutionException e) {
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
        Set<String> known = new HashSet<>();
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
        return SingleScan.settle(() -> self.get().manualOnce(slug, req, lang, staff));
    }

    @Transactional
    public ScanAnswer manualOnce(String slug, ManualRequest req, String lang, String staff) {
        Event event = events.require(slug);
        Optional<Scan> earlier = Scan.findByNonce(event.id, req.deviceId(), req.nonce());
        if (earlier.isPresent()) {
            return ScanAnswers.replay(event, earlier.get(), lang);
        }
        AgendaSession session = session(event, req.session());
        Registration r = Registration.findByPublicId(req.registrationId())
                .filter(x -> x.event.id.equals(event.id))
                .orElseThrow(() -> DomainException.invalid("registrationId", "is not a registration of this event"));
        Instant received = clock.instant();
        Instant at = req.scannedAt() == null ? received : req.scannedAt().toInstant().truncatedTo(ChronoUnit.MICROS);
        Direction direction = req.direction() == null ? Direction.IN : req.direction();
        Admission.Decision d = admit(event, session, r, direction, at, req.deviceId());
        store(event, session, r, req.deviceId(), req.nonce(), direction, d, staff, req.scannedAt(), received);
        return ScanAnswers.answer(event, d, ScanAnswers.delegate(r), session, lang);
    }

    /** The verdict of {@link Admission} on a registration (no badge: never revoked), and its writes through the ORM. */
    private Admission.Decision admit(Event event, AgendaSession session, Registration r, Direction direction, Instant at,
                                     String deviceId) {
        long key = session == null ? CheckIn.ENTRANCE : session.id;
        CheckIn existing = CheckIn.findByRegistrationAndSession(r.id, key).orElse(null);
        Admission.Door door = Doors.rules(session);
        Admission.Facts facts = new Admission.Facts(true, true, false, r.status, r.category, door,
                door != null && door.requiresRegistration() && hasSeat(r, session), Doors.window(event), direction, at,
                deviceId, existing == null ? null
                : new Admission.Presence(existing.inside, existing.firstScannedAt, existing.firstDeviceId), false);
        Admission.Decision d = Admission.decide(facts);
        if (d.roomPlaces() > 0 && !events.tryEnterSession(session)) {
            return Admission.decide(facts.withRoomFull());
        }
        switch (d.write()) {
            case LEAVE -> {
                existing.inside = false;
                existing.lastAt = at;
                if (d.roomPlaces() < 0) {
                    events.leaveSession(session);
                }
            }
            case REENTER -> {
                existing.inside = true;
                existing.lastAt = at;
                existing.flush();
            }
            case FIRST_CHECK_IN -> {
                CheckIn c = new CheckIn();
                c.eventId = event.id;
                c.registrationId = r.id;
                c.sessionKey = key;
                c.firstScannedAt = at;
                c.firstDeviceId = deviceId;
                c.inside = true;
                c.lastAt = at;
                c.persistAndFlush(); // a concurrent first check-in at another door fails here and is retried
            }
            case NONE -> {
            }
        }
        return d;
    }

    private static boolean hasSeat(Registration r, AgendaSession session) {
        return RegistrationSession.count("registration = ?1 and session = ?2 and status = ?3", r, session, SeatStatus.CONFIRMED) > 0;
    }

    private static AgendaSession session(Event event, String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        return AgendaSession.findByEventAndCode(event, code.strip())
                .orElseThrow(() -> DomainException.invalid("session", "is not a session of this event"));
    }

    private static void store(Event event, AgendaSession session, Registration r, String deviceId, String nonce,
                              Direction direction, Admission.Decision d, String staff, OffsetDateTime scannedAt,
                              Instant received) {
        Scan s = new Scan();
        s.eventId = event.id;
        s.sessionId = session == null ? null : session.id;
        s.registrationId = r.id;
        s.deviceId = deviceId;
        s.nonce = nonce;
        s.codeExcerpt = null;
        s.direction = direction;
        s.result = d.result();
        s.manual = true;
        s.staffUsername = staff;
        s.firstScannedAt = d.firstScannedAt();
        s.firstDeviceId = d.firstDeviceId();
        s.scannedAt = scannedAt == null ? null : scannedAt.toInstant().truncatedTo(ChronoUnit.MICROS);
        s.receivedAt = received;
        s.persistAndFlush(); // a concurrent replay of the same nonce fails here and then answers as the first
    }
}
