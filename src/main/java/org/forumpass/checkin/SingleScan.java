package org.forumpass.checkin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;
import org.forumpass.checkin.CheckInRecords.Delegate;
import org.forumpass.checkin.CheckInRecords.ScanAnswer;
import org.forumpass.checkin.CheckInRecords.ScanRequest;
import org.forumpass.common.Db;
import org.forumpass.common.Retry;
import org.forumpass.event.AgendaSession;
import org.forumpass.event.Event;
import org.forumpass.event.EventService;

/**
 * One scan in a transaction of its own: the lanes' fallback when the database refuses a group (a concurrent write
 * by another replica or door), or for a replay the group cannot answer. One read for the badge ({@link ScanStore}),
 * the verdict of {@link Admission}, its writes, and the scan row; retried when a concurrent scan got there first.
 */
@ApplicationScoped
public class SingleScan {
    private static final int ATTEMPTS = 6;

    @Inject
    Doors doors;
    @Inject
    ScanStore store;
    @Inject
    EventService events;
    @Inject
    Clock clock;
    @Inject
    Instance<SingleScan> self;

    ScanAnswer scan(String slug, ScanRequest req, String lang, String staff) {
        return settle(() -> self.get().once(slug, req, lang, staff));
    }

    /** Retries when a concurrent scan of the same nonce or the same first check-in got there first. */
    static ScanAnswer settle(Supplier<ScanAnswer> once) {
        for (int attempt = 1; ; attempt++) {
            try {
                return Retry.onConflict(once);
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS || !Db.isConstraintViolation(e)) {
                    throw e;
                }
            }
        }
    }

    @Transactional
    public ScanAnswer once(String slug, ScanRequest req, String lang, String staff) {
        Doors.Venue venue = doors.venue(slug);
        Event event = venue.event();
        Long earlier = store.findScanId(event.id, req.deviceId(), req.nonce());
        if (earlier != null) {
            return ScanAnswers.replay(event, Scan.findById(earlier), lang);
        }
        AgendaSession session = venue.session(req.session());
        String code = req.code().strip();
        Instant received = clock.instant();
        Instant scannedAt = req.scannedAt() == null ? null : req.scannedAt().toInstant().truncatedTo(ChronoUnit.MICROS);
        Instant at = scannedAt == null ? received : scannedAt;
        Direction direction = req.direction() == null ? Direction.IN : req.direction();
        long key = session == null ? CheckIn.ENTRANCE : session.id;
        ScanStore.Seen seen = store.read(code, key, session == null ? null : session.id);
        Admission.Decision d = seen == null ? Admission.decide(Admission.Facts.UNKNOWN)
                : admit(venue, session, key, seen, direction, at, req.deviceId());
        store.insertScan(event.id, session == null ? null : session.id, seen == null ? null : seen.registrationId(),
                req.deviceId(), req.nonce(), Scan.excerpt(code), direction, d.result(), staff, d.firstScannedAt(),
                d.firstDeviceId(), scannedAt, received, req.offlineResult());
        return ScanAnswers.answer(event, d, seen == null ? null : delegate(seen), session, lang);
    }

    /** The verdict on what the badge read saw, and its writes: the room's counter first, then the check-in. */
    private Admission.Decision admit(Doors.Venue venue, AgendaSession session, long key, ScanStore.Seen seen,
                                     Direction direction, Instant at, String deviceId) {
        Admission.Facts facts = new Admission.Facts(true, seen.badgeEventId() == venue.event().id, seen.revoked(),
                seen.status(), seen.category(), venue.rules(session), seen.hasSeat(), venue.window(), direction, at,
                deviceId, seen.checkInId() == null ? null
                : new Admission.Presence(seen.inside(), seen.firstScannedAt(), seen.firstDeviceId()), false);
        Admission.Decision d = Admission.decide(facts);
        if (d.roomPlaces() > 0 && !events.tryEnterSession(session)) {
            return Admission.decide(facts.withRoomFull());
        }
        switch (d.write()) {
            case LEAVE -> {
                if (store.setInside(seen.checkInId(), false, true, at) == 1 && d.roomPlaces() < 0) {
                    events.leaveSession(session);
                }
            }
            case REENTER -> {
                if (store.setInside(seen.checkInId(), true, false, at) == 0) {
                    throw new OptimisticLockException("re-entry raced another door"); // retried
                }
            }
            case FIRST_CHECK_IN -> // a concurrent first check-in fails here
                    store.insertCheckIn(venue.event().id, seen.registrationId(), key, at, deviceId);
            case NONE -> {
            }
        }
        return d;
    }

    private static Delegate delegate(ScanStore.Seen s) {
        return new Delegate(s.publicId(), s.givenName(), s.familyName(), s.nativeName(), s.organization(), s.country(),
                s.category(), s.vip(), s.vipRank(), s.protocolNote());
    }
}
