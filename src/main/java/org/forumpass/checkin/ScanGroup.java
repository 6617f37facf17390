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
import org.forumpass.checkin.GroupStore.BadgeRow;
import org.forumpass.checkin.GroupStore.CheckInRow;
import org.forumpass.checkin.GroupStore.ScanRow;
import org.forumpass.checkin.GroupStore.StoredScan;
import org.forumpass.event.AgendaSession;
import org.forumpass.event.Event;

/**
 * Scans of one event settled together in one transaction: one read for the whole group (the badges with
 * their delegates and check-ins, and for offline uploads the nonces stored before), another for seats when a session needs one, the rules
 * decided in memory in arrival order ({@link Admission}, as on every path), then one insert for the new check-ins and
 * one for the scans ({@link GroupStore}). What a scan changes is seen by the scans after it in the same group (a
 * badge scanned twice is ACCEPTED, then ALREADY_CHECKED_IN).
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

    private final Doors.Venue venue;
    private final Event event;

    ScanGroup(Doors.Venue venue) {
        this.venue = venue;
        this.event = venue.event();
    }

    /** Thrown when a row changed under the group; the lane rolls back and settles each scan alone. */
    static final class Conflict extends RuntimeException {
        Conflict(String message) {
            super(message, null, false, false);
        }
    }

    private List<CheckInRow> newCheckIns = List.of();
    private List<ScanRow> rows = List.of();

    /** Writes what {@link #settle} decided and commits (see {@link GroupStore#writeGroup}). */
    void commit(Connection con, boolean oneTrip) throws SQLException {
        GroupStore.writeGroup(con, oneTrip, event.id, newCheckIns, rows);
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
        GroupStore.GroupRead read = GroupStore.readGroup(con, event.id, digests, doors, nonces);
        Map<String, StoredScan> stored = read.stored();
        Map<String, CheckInRow> presence = read.checkIns();
        Map<String, BadgeRow> badges = read.badges();
        Set<String> seats = readSeatsIfNeeded(con, items, badges);

        List<ScanAnswer> answers = new ArrayList<>(items.size());
        Map<String, ScanAnswer> answeredHere = new HashMap<>();
        List<CheckInRow> newCheckIns = new ArrayList<>();
        List<ScanRow> rows = new ArrayList<>(items.size());
        for (Item it : items) {
            String nonceKey = GroupStore.nonceKey(it.req.deviceId(), it.req.nonce());
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
            Admission.Decision d = b == null ? Admission.decide(Admission.Facts.UNKNOWN)
                    : admit(con, it, b, seats, presence, newCheckIns, direction, at);
            rows.add(new ScanRow(event.id, it.session == null ? null : it.session.id, b == null ? null : b.registrationId(),
                    it.req.deviceId(), it.req.nonce(), Scan.excerpt(it.code), direction, d.result(), it.staff,
                    d.firstScannedAt(), d.firstDeviceId(), it.req.scannedAt() == null ? null : at, it.received,
                    it.req.offlineResult()));
            ScanAnswer a = ScanAnswers.answer(event, d, b == null ? null : delegate(b), it.session, it.lang);
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
        return GroupStore.readSeats(con, registrations, sessions);
    }

    /**
     * The verdict of {@link Admission} on what the group knows of this badge, and its writes: the room's counter, an
     * exit or a re-entry at once, a first check-in in memory (it is inserted with the group).
     */
    private Admission.Decision admit(Connection con, Item it, BadgeRow b, Set<String> seats, Map<String, CheckInRow> presence,
                                     List<CheckInRow> newCheckIns, Direction direction, Instant at) throws SQLException {
        AgendaSession session = it.session;
        Admission.Door door = venue.rules(session);
        long key = session == null ? CheckIn.ENTRANCE : session.id;
        String here = GroupStore.presenceKey(b.registrationId(), key);
        CheckInRow c = presence.get(here);
        Admission.Facts facts = new Admission.Facts(true, b.eventId() == event.id, b.revoked(), b.status(), b.category(),
                door, door != null && door.requiresRegistration() && seats.contains(here), venue.window(), direction, at,
                it.req.deviceId(), c == null ? null : new Admission.Presence(c.inside, c.firstScannedAt, c.firstDeviceId),
                false);
        Admission.Decision d = Admission.decide(facts);
        if (d.roomPlaces() > 0 && !GroupStore.tryEnter(con, session.id)) {
            return Admission.decide(facts.withRoomFull());
        }
        switch (d.write()) {
            case LEAVE -> {
                move(con, c, false, at);
                if (d.roomPlaces() < 0) {
                    GroupStore.leave(con, session.id);
                }
            }
            case REENTER -> move(con, c, true, at);
            case FIRST_CHECK_IN -> {
                CheckInRow row = new CheckInRow(null, b.registrationId(), key, true, at, it.req.deviceId(), at);
                presence.put(here, row);
                newCheckIns.add(row);
            }
            case NONE -> {
            }
        }
        return d;
    }

    /** In or out: a row of this group changes in memory (it is inserted at the end), a stored one at once. */
    private static void move(Connection con, CheckInRow c, boolean inside, Instant at) throws SQLException {
        if (c.id != null && GroupStore.setInside(con, c.id, inside, !inside, at) == 0) {
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
        AgendaSession session = s.sessionId() == null ? null : venue.byId().get(s.sessionId());
        if (s.sessionId() != null && session == null) {
            return null;
        }
        return ScanAnswers.answer(event, s.result(), s.firstScannedAt(), s.firstDeviceId(), d, session, lang);
    }

    private static Delegate delegate(BadgeRow b) {
        return new Delegate(b.publicId(), b.givenName(), b.familyName(), b.nativeName(), b.organization(), b.country(),
                b.category(), b.vip(), b.vipRank(), b.protocolNote());
    }
}
