package org.forumpass.checkin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.forumpass.badge.BadgeCodec;
import org.forumpass.checkin.CheckInRecords.Delegate;
import org.forumpass.checkin.CheckInRecords.ScanAnswer;
import org.forumpass.checkin.CheckInRecords.ScanRequest;
import org.forumpass.checkin.ScanStore.BadgeRow;
import org.forumpass.checkin.ScanStore.CheckInRow;
import org.forumpass.checkin.ScanStore.ScanRow;
import org.forumpass.checkin.ScanStore.StoredScan;
import org.forumpass.event.AgendaSession;
import org.forumpass.event.Event;
import org.forumpass.registration.RegistrationStatus;

/**
 * Scans of one event settled together in one transaction: one read for the whole group (the badges with
 * their delegates and check-ins, and for offline uploads the nonces stored before), another for seats when a session needs one, the rules
 * decided in memory in arrival order, then one insert for the new check-ins and one for the scans. The
 * rules are those of {@link CheckInService#scanOnce}; what a scan changes is seen by the scans after it in
 * the same group (a badge scanned twice is ACCEPTED, then ALREADY_CHECKED_IN).
 *
 * <p>Rooms with a capacity, scans out and re-entries write at once (the conditional counters and
 * updates of the single-scan path), inside the same transaction. Anything the database refuses (a first
 * check-in or a nonce stored meanwhile by another replica, a door scan's retry, a deadlock) fails the whole group, which the
 * lane then settles scan by scan.
 */
final class ScanGroup {
    /** A scan waiting in a lane for its group, and the answer its request waits for. */
    static final class Item {
        final String slug;
        final ScanRequest req;
        final String lang;
        final String staff;
        final Instant received;
        final String code;
        final String digest;
        /**
         * An offline upload's scan: a device resends its queue when an answer got lost, so the group looks up
         * its nonce first. A door scan's nonce is new but for a rare retry; its group does not read it, and a
         * retry of a stored scan fails the group's insert on the unique key, so the lane settles that group
         * scan by scan, where a replay answers as first answered.
         */
        final boolean replayLikely;
        final CompletableFuture<ScanAnswer> answer = new CompletableFuture<>();
        AgendaSession session;

        Item(String slug, ScanRequest req, String lang, String staff, Instant received, boolean replayLikely) {
            this.slug = slug;
            this.replayLikely = replayLikely;
            this.req = req;
            this.lang = lang;
            this.staff = staff;
            this.received = received;
            this.code = req.code() == null ? "" : req.code().strip();
            this.digest = plausible(code) ? BadgeCodec.digest(code) : null;
        }

        /** The lane a code always goes to, so that one badge's scans are settled in order, never in two lanes at once. */
        int lane(int lanes) {
            return Math.floorMod(code.hashCode(), lanes);
        }

        private static boolean plausible(String code) {
            return BadgeCodec.plausible(code);
        }
    }

    /** A scan whose answer needs the single-scan path after the group commits (a replay the group cannot answer). */
    final List<Item> afterCommit = new ArrayList<>();

    private final Event event;
    private final Map<Long, AgendaSession> sessionsById;

    ScanGroup(Event event, Map<Long, AgendaSession> sessionsById) {
        this.event = event;
        this.sessionsById = sessionsById;
    }

    private record Outcome(ScanResult result, Instant firstScannedAt, String firstDeviceId) {
    }

    /** Thrown when a row changed under the group; the lane rolls back and settles each scan alone. */
    static final class Conflict extends RuntimeException {
        Conflict(String message) {
            super(message, null, false, false);
        }
    }

    private List<CheckInRow> newCheckIns = List.of();
    private List<ScanRow> rows = List.of();

    /** Writes what {@link #settle} decided and commits (see {@link ScanStore#writeGroup}). */
    void commit(Connection con, boolean oneTrip) throws SQLException {
        ScanStore.writeGroup(con, oneTrip, event.id, newCheckIns, rows);
    }

    /**
     * Reads and decides the group on {@code con} (capacity counters, exits and re-entries are written at
     * once); answers are in {@code items}' order, null for the scans left to {@link #afterCommit}. Nothing
     * holds until {@link #commit}.
     */
    List<ScanAnswer> settle(Connection con, List<Item> items) throws SQLException {
        Set<String> digests = new LinkedHashSet<>();
        Set<Long> doors = new LinkedHashSet<>();
        List<String[]> nonces = new ArrayList<>();
        for (Item it : items) {
            if (it.digest != null) {
                digests.add(it.digest);
            }
            doors.add(it.session == null ? CheckIn.ENTRANCE : it.session.id);
            if (it.replayLikely) {
                nonces.add(new String[] {it.req.deviceId(), it.req.nonce()});
            }
        }
        ScanStore.GroupRead read = ScanStore.readGroup(con, event.id, digests, doors, nonces);
        Map<String, StoredScan> stored = read.stored();
        Map<String, CheckInRow> presence = read.checkIns();
        Map<String, BadgeRow> badges = read.badges();
        Set<String> seats = readSeatsIfNeeded(con, items, badges);

        List<ScanAnswer> answers = new ArrayList<>(items.size());
        Map<String, ScanAnswer> answeredHere = new HashMap<>();
        List<CheckInRow> newCheckIns = new ArrayList<>();
        List<ScanRow> rows = new ArrayList<>(items.size());
        for (Item it : items) {
            String nonceKey = ScanStore.nonceKey(it.req.deviceId(), it.req.nonce());
            ScanAnswer same = answeredHere.get(nonceKey);
            if (same != null) { // the same scan twice in one upload: stored once, answered alike
                answers.add(same);
                continue;
            }
            BadgeRow b = it.digest == null ? null : badges.get(it.digest);
            if (b != null && !MessageDigest.isEqual(b.code().getBytes(StandardCharsets.US_ASCII),
                    it.code.getBytes(StandardCharsets.US_ASCII))) {
                b = null;
            }
            StoredScan earlier = stored.get(nonceKey);
            if (earlier != null) {
                ScanAnswer replay = replay(earlier, b, it.lang);
                if (replay == null) {
                    afterCommit.add(it);
                }
                answers.add(replay);
                if (replay != null) {
                    answeredHere.put(nonceKey, replay);
                }
                continue;
            }
            Instant at = it.req.scannedAt() == null ? it.received : it.req.scannedAt().toInstant().truncatedTo(ChronoUnit.MICROS);
            Direction direction = it.req.direction() == null ? Direction.IN : it.req.direction();
            Outcome o;
            Delegate delegate = null;
            if (b == null) {
                o = new Outcome(ScanResult.INVALID_CODE, null, null);
            } else {
                delegate = delegate(b);
                o = b.eventId() != event.id ? new Outcome(ScanResult.WRONG_EVENT, null, null)
                        : decide(con, it, b, seats, presence, newCheckIns, direction, at);
            }
            rows.add(new ScanRow(event.id, it.session == null ? null : it.session.id, b == null ? null : b.registrationId(),
                    it.req.deviceId(), it.req.nonce(), excerpt(it.code), direction, o.result(), it.staff, o.firstScannedAt(),
                    o.firstDeviceId(), it.req.scannedAt() == null ? null : at, it.received));
            ScanAnswer a = CheckInService.answer(event, o.result(), o.firstScannedAt(), o.firstDeviceId(), delegate, it.session,
                    it.lang);
            answers.add(a);
            answeredHere.put(nonceKey, a);
        }
        this.newCheckIns = newCheckIns;
        this.rows = rows;
        return answers;
    }

    private Set<String> readSeatsIfNeeded(Connection con, List<Item> items, Map<String, BadgeRow> badges) throws SQLException {
        Set<Long> sessions = new LinkedHashSet<>();
        Set<Long> registrations = new LinkedHashSet<>();
        for (Item it : items) {
            BadgeRow b = it.digest == null ? null : badges.get(it.digest);
            if (it.session != null && it.session.requiresRegistration && b != null) {
                sessions.add(it.session.id);
                registrations.add(b.registrationId());
            }
        }
        return ScanStore.readSeats(con, registrations, sessions);
    }

    private Outcome decide(Connection con, Item it, BadgeRow b, Set<String> seats, Map<String, CheckInRow> presence,
                           List<CheckInRow> newCheckIns, Direction direction, Instant at) throws SQLException {
        if (b.revoked()) {
            return new Outcome(ScanResult.REVOKED, null, null);
        }
        if (b.status() != RegistrationStatus.CONFIRMED) {
            return new Outcome(ScanResult.NOT_CONFIRMED, null, null);
        }
        AgendaSession session = it.session;
        if (session != null) {
            if (!session.admits(b.category())) {
                return new Outcome(ScanResult.CATEGORY_NOT_ALLOWED, null, null);
            }
            if (session.requiresRegistration && !seats.contains(ScanStore.presenceKey(b.registrationId(), session.id))) {
                return new Outcome(ScanResult.NOT_REGISTERED_FOR_SESSION, null, null);
            }
            if (CheckInService.outsideWindow(event, session, direction, at)) {
                return new Outcome(ScanResult.OUTSIDE_SESSION_WINDOW, null, null);
            }
        }
        long key = session == null ? CheckIn.ENTRANCE : session.id;
        CheckInRow c = presence.get(ScanStore.presenceKey(b.registrationId(), key));
        boolean counted = session != null && session.capacity != null;
        if (direction == Direction.OUT) {
            if (c != null && c.inside) {
                move(con, c, false, at);
                if (counted) {
                    ScanStore.leave(con, session.id);
                }
            }
            return c == null ? new Outcome(ScanResult.ACCEPTED, null, null)
                    : new Outcome(ScanResult.ACCEPTED, c.firstScannedAt, c.firstDeviceId);
        }
        if (c != null && c.inside) {
            return new Outcome(ScanResult.ALREADY_CHECKED_IN, c.firstScannedAt, c.firstDeviceId);
        }
        if (counted && !ScanStore.tryEnter(con, session.id)) {
            return c == null ? new Outcome(ScanResult.SESSION_FULL, null, null)
                    : new Outcome(ScanResult.SESSION_FULL, c.firstScannedAt, c.firstDeviceId);
        }
        if (c != null) {
            move(con, c, true, at);
            return new Outcome(ScanResult.ACCEPTED, c.firstScannedAt, c.firstDeviceId);
        }
        c = new CheckInRow(null, b.registrationId(), key, true, at, it.req.deviceId(), at);
        presence.put(ScanStore.presenceKey(b.registrationId(), key), c);
        newCheckIns.add(c);
        return new Outcome(ScanResult.ACCEPTED, at, it.req.deviceId());
    }

    /** In or out: a row of this group changes in memory (it is inserted at the end), a stored one at once. */
    private static void move(Connection con, CheckInRow c, boolean inside, Instant at) throws SQLException {
        if (c.id != null && ScanStore.setInside(con, c.id, inside, !inside, at) == 0) {
            throw new Conflict("check-in " + c.id + " changed at another door");
        }
        c.inside = inside;
        c.lastAt = at;
    }

    /** The stored answer of a nonce seen before, or null when the badge read cannot rebuild it. */
    private ScanAnswer replay(StoredScan s, BadgeRow b, String lang) {
        Delegate d = null;
        if (s.registrationId() != null) {
            if (b == null || b.registrationId() != s.registrationId()) {
                return null;
            }
            d = delegate(b);
        }
        AgendaSession session = s.sessionId() == null ? null : sessionsById.get(s.sessionId());
        if (s.sessionId() != null && session == null) {
            return null;
        }
        return CheckInService.answer(event, s.result(), s.firstScannedAt(), s.firstDeviceId(), d, session, lang);
    }

    private static Delegate delegate(BadgeRow b) {
        return new Delegate(b.publicId(), b.givenName(), b.familyName(), b.nativeName(), b.organization(), b.country(),
                b.category());
    }

    static String excerpt(String code) {
        String c = code == null ? "" : code.strip();
        return c.length() <= 12 ? c : c.substring(0, 12);
    }
}
