package org.forumpass.checkin;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.forumpass.event.Category;
import org.forumpass.registration.RegistrationStatus;

/**
 * The admission rules of the door, written once: a pure function from what is known about one scan to its verdict
 * and the writes that verdict implies. The lane group, the single-scan path and manual check-in each gather the
 * {@link Facts}, call {@link #decide(Facts)} and apply the {@link Decision}; the door page's offline check
 * ({@code door/admission.js}) implements the same function, and both run the cases of
 * {@code src/test/resources/admission-cases.json}.
 *
 * <p>The order: unknown code, another event's badge, revoked, not confirmed, the session's access zone (issue 16),
 * category, sign-up for the session, the session's time window; then a scan out, a delegate already inside, a full
 * room, and admission. The zone comes before the session's own rules because it is the venue's rule: a badge that does
 * not open the VIP lounge is refused as such at every door inside it, whatever the session there would say.
 */
public final class Admission {
    private Admission() {
    }

    /**
     * A session door's rules; {@code null} facts' session is the venue entrance. {@code zone}: the access zone the
     * session is in (issue 16), or null.
     */
    public record Door(Set<Category> restrictedTo, boolean requiresRegistration, boolean counted, Instant startsAt,
                       Instant endsAt, Zone zone) {
        /** A door in no access zone. */
        public Door(Set<Category> restrictedTo, boolean requiresRegistration, boolean counted, Instant startsAt,
                    Instant endsAt) {
            this(restrictedTo, requiresRegistration, counted, startsAt, endsAt, null);
        }

        boolean admits(Category category) {
            return restrictedTo == null || restrictedTo.contains(category);
        }
    }

    /**
     * Issue 16: an access zone as the door reads it: the categories it opens to ({@code null} or empty: every
     * category) and its opening hours, {@code from} inclusive to {@code to} exclusive (null: no limit on that side).
     */
    public record Zone(String code, Set<Category> categories, Instant from, Instant to) {
        boolean admits(Category category) {
            return categories == null || categories.isEmpty() || categories.contains(category);
        }

        /** Whether the zone is closed at {@code at}: before it opens or from its closing on. */
        boolean closedAt(Instant at) {
            return from != null && at.isBefore(from) || to != null && !at.isBefore(to);
        }
    }

    /** The event's check-in window rule: doors open {@code opensMinutesBefore} a session starts and close at its end. */
    public record Window(boolean enabled, int opensMinutesBefore) {
        public static final Window NONE = new Window(false, 0);
    }

    /** The delegate's check-in at this door, if any. */
    public record Presence(boolean inside, Instant firstScannedAt, String firstDeviceId) {
    }

    /**
     * Everything the rules read. {@code known}: the code is a badge the server issued (or, offline, one whose
     * signature verifies); {@code roomFull}: a counted room has no place left (the database path first decides as
     * if there were room, and decides again with {@code true} when its conditional update finds none).
     */
    public record Facts(boolean known, boolean sameEvent, boolean revoked, RegistrationStatus status, Category category,
                        Door door, boolean hasSeat, Window window, Direction direction, Instant at, String deviceId,
                        Presence presence, boolean roomFull) {
        /** A code that is no badge of the server's: nothing else about it is known. */
        public static final Facts UNKNOWN = new Facts(false, false, false, null, null, null, false, Window.NONE, Direction.IN,
                null, null, null, false);

        public Facts withRoomFull() {
            return new Facts(known, sameEvent, revoked, status, category, door, hasSeat, window, direction, at, deviceId,
                    presence, true);
        }
    }

    /** What a verdict changes at the door. */
    public enum Write {
        /** Nothing. */
        NONE,
        /** A first check-in at this door, inside. */
        FIRST_CHECK_IN,
        /** Back in through this door (the check-in exists and is outside). */
        REENTER,
        /** Out through this door (the check-in was inside). */
        LEAVE
    }

    /**
     * The verdict, the time and device of the first check-in to show (null when there is none), the write, and
     * whether the write takes ({@code +1}) or frees ({@code -1}) a place in a counted room.
     */
    public record Decision(ScanResult result, Instant firstScannedAt, String firstDeviceId, Write write, int roomPlaces) {
        static Decision refuse(ScanResult result) {
            return new Decision(result, null, null, Write.NONE, 0);
        }
    }

    public static Decision decide(Facts f) {
        if (!f.known()) {
            return Decision.refuse(ScanResult.INVALID_CODE);
        }
        if (!f.sameEvent()) {
            return Decision.refuse(ScanResult.WRONG_EVENT);
        }
        if (f.revoked()) {
            return Decision.refuse(ScanResult.REVOKED);
        }
        if (f.status() != RegistrationStatus.CONFIRMED) {
            return Decision.refuse(ScanResult.NOT_CONFIRMED);
        }
        Door door = f.door();
        if (door != null && door.zone() != null && (!door.zone().admits(f.category())
                || f.direction() == Direction.IN && door.zone().closedAt(f.at()))) {
            return Decision.refuse(ScanResult.ZONE_NOT_ALLOWED); // a way out is never closed
        }
        if (door != null) {
            if (!door.admits(f.category())) {
                return Decision.refuse(ScanResult.CATEGORY_NOT_ALLOWED);
            }
            if (door.requiresRegistration() && !f.hasSeat()) {
                return Decision.refuse(ScanResult.NOT_REGISTERED_FOR_SESSION);
            }
            if (outsideWindow(f.window(), door, f.direction(), f.at())) {
                return Decision.refuse(ScanResult.OUTSIDE_SESSION_WINDOW);
            }
        }
        Presence p = f.presence();
        Instant first = p == null ? null : p.firstScannedAt();
        String firstDevice = p == null ? null : p.firstDeviceId();
        boolean counted = door != null && door.counted();
        if (f.direction() == Direction.OUT) {
            boolean leaves = p != null && p.inside();
            return new Decision(ScanResult.ACCEPTED, first, firstDevice, leaves ? Write.LEAVE : Write.NONE,
                    leaves && counted ? -1 : 0);
        }
        if (p != null && p.inside()) {
            return new Decision(ScanResult.ALREADY_CHECKED_IN, first, firstDevice, Write.NONE, 0);
        }
        if (counted && f.roomFull()) {
            return new Decision(ScanResult.SESSION_FULL, first, firstDevice, Write.NONE, 0);
        }
        if (p != null) {
            return new Decision(ScanResult.ACCEPTED, first, firstDevice, Write.REENTER, counted ? 1 : 0);
        }
        return new Decision(ScanResult.ACCEPTED, f.at(), f.deviceId(), Write.FIRST_CHECK_IN, counted ? 1 : 0);
    }

    /** A scan in before the door opens ({@code opensMinutesBefore} the start) or from the session's end on. */
    public static boolean outsideWindow(Window window, Door door, Direction direction, Instant at) {
        return window != null && window.enabled() && direction == Direction.IN
                && (at.isBefore(door.startsAt().minus(Duration.ofMinutes(window.opensMinutesBefore())))
                || !at.isBefore(door.endsAt()));
    }
}
