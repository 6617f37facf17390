package org.forumpass.checkin;

import static org.forumpass.checkin.ScanSql.instant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.BackPressureStrategy;
import io.smallrye.mutiny.subscription.MultiEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.forumpass.checkin.CheckInRecords.Arrival;
import org.forumpass.event.AgendaSession;
import org.forumpass.event.Category;
import org.jboss.logging.Logger;

/**
 * The VIP arrivals board's feed (issue 16): each VIP's first check-in at any door of the event, to every organizer
 * who follows the event.
 *
 * <p>Replicas share one database and a door's scan may be settled by any of them, so arrivals are found by reading
 * the database, not by listening to this replica's scans. One poller per event per replica, and only while someone
 * on this replica follows it: every {@value #POLL_MILLIS} ms it reads the event's VIPs with their earliest check-in
 * (an event has a few hundred VIPs at most, so the whole set is read each time), and each follower is sent the ones
 * it has not been sent yet, by registration id. Generated ids only break ties of time (concurrent commits do not keep
 * their order); a follower who joins late gets every VIP already arrived at once, then the new ones.
 */
@ApplicationScoped
public class Arrivals {
    private static final Logger LOG = Logger.getLogger(Arrivals.class);
    static final long POLL_MILLIS = 1000;
    /** A comment this often keeps proxies and load balancers from closing a quiet stream. */
    static final long HEARTBEAT_MILLIS = 15_000;

    /** One VIP's earliest check-in, from {@link #read}. */
    private static final String SQL = "select r.public_id, r.given_name, r.family_name, r.native_name, r.organization,"
            + " r.country, r.category, r.vip_rank, r.protocol_note, c.session_key, c.first_scanned_at, c.first_device_id, c.id"
            + " from registration r join checkin c on c.registration_id = r.id"
            + " where r.event_id = ? and r.vip = true";

    @Inject
    AgroalDataSource dataSource;
    @Inject
    Doors doors;
    @Inject
    ObjectMapper json;

    /** What a follower receives: an arrival (its registration id and JSON), or a comment (id null, the comment's text). */
    public record Item(String id, String json) {
        /** Keeps the stream open; the first one opens it at once. */
        static final Item HEARTBEAT = new Item(null, "keep-alive");
        /** After the arrivals a follower finds on joining: a board can tell those from the ones that happen while it watches. */
        static final Item CAUGHT_UP = new Item(null, "caught-up");

        public boolean comment() {
            return id == null;
        }
    }

    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "arrivals-poller");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Feed> feeds = new ConcurrentHashMap<>();

    /** An event's followers on this replica and its poller. */
    private static final class Feed {
        final String slug;
        final List<Follower> followers = new CopyOnWriteArrayList<>();
        ScheduledFuture<?> task;
        long lastBeat = System.currentTimeMillis();

        Feed(String slug) {
            this.slug = slug;
        }
    }

    /** One open board: what it has been sent, so a VIP appears on it once however many polls see them. */
    private static final class Follower {
        final MultiEmitter<? super Item> emitter;
        final Set<String> sent = new HashSet<>();
        boolean caughtUp;

        Follower(MultiEmitter<? super Item> emitter) {
            this.emitter = emitter;
        }

        synchronized void offer(List<Item> arrivals) {
            for (Item a : arrivals) {
                if (!emitter.isCancelled() && sent.add(a.id())) {
                    emitter.emit(a);
                }
            }
            if (!caughtUp && !emitter.isCancelled()) {
                caughtUp = true;
                emitter.emit(Item.CAUGHT_UP);
            }
        }

        synchronized void beat() {
            if (!emitter.isCancelled()) {
                emitter.emit(Item.HEARTBEAT);
            }
        }
    }

    /**
     * The event's arrivals for one follower, from the ones already arrived, until the follower goes away. The caller
     * has checked that the event exists and that the caller may follow it.
     */
    public Multi<Item> follow(String slug) {
        return Multi.createFrom().<Item>emitter(emitter -> {
            Follower f = new Follower(emitter);
            emitter.emit(Item.HEARTBEAT); // the stream opens at once: the board can say it is connected
            Feed feed = join(slug, f);
            emitter.onTermination(() -> leave(feed, f));
            if (emitter.isCancelled()) { // gone before the callback was in place
                leave(feed, f);
                return;
            }
            poller.execute(() -> poll(feed)); // a board opened late is complete at once, not a second later
        }, BackPressureStrategy.BUFFER);
    }

    private Feed join(String slug, Follower f) {
        synchronized (feeds) {
            Feed feed = feeds.computeIfAbsent(slug, Feed::new);
            feed.followers.add(f);
            if (feed.task == null) {
                feed.task = poller.scheduleWithFixedDelay(() -> poll(feed), POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
            }
            return feed;
        }
    }

    /** The last follower of an event stops its poller. */
    private void leave(Feed feed, Follower f) {
        synchronized (feeds) {
            feed.followers.remove(f);
            if (feed.followers.isEmpty() && feeds.get(feed.slug) == feed) {
                feeds.remove(feed.slug);
                feed.task.cancel(false);
            }
        }
    }

    /** Whether this replica polls the event now: while a board follows it, and not after the last one closed. */
    public boolean polls(String slug) {
        return feeds.containsKey(slug);
    }

    private void poll(Feed feed) {
        for (Follower f : feed.followers) {
            if (f.emitter.isCancelled()) { // a board whose end was missed: never keep an event polled for nobody
                leave(feed, f);
            }
        }
        if (feed.followers.isEmpty()) {
            return;
        }
        try {
            List<Item> arrived = read(feed.slug);
            for (Follower f : feed.followers) {
                f.offer(arrived);
            }
        } catch (RuntimeException e) {
            // the database away or the event gone: the boards keep what they have, the next poll tries again
            LOG.debugf("Arrivals of %s not read: %s", feed.slug, e.getMessage());
        }
        long now = System.currentTimeMillis();
        if (now - feed.lastBeat >= HEARTBEAT_MILLIS) {
            feed.lastBeat = now;
            feed.followers.forEach(Follower::beat);
        }
    }

    /** A VIP's check-in at one door, as read. */
    private record Row(String id, String givenName, String familyName, String nativeName, String organization, String country,
                       Category category, Integer rank, String note, long door, Instant at, String deviceId, long checkIn) {
        /**
         * Earlier in time; at the same time (a store that keeps whole seconds, issue 20), the check-in written first.
         * Ids are the last word only for ties: concurrent commits do not keep their order otherwise.
         */
        static final Comparator<Row> EARLIEST = Comparator.comparing(Row::at).thenComparingLong(Row::checkIn);
    }

    /** The event's VIPs who have checked in at any door, each once, at their earliest check-in, earliest first. */
    List<Item> read(String slug) {
        Doors.Venue venue = doors.venue(slug);
        ZoneId zone = venue.event().zone();
        Map<String, Row> first = new HashMap<>();
        try (Connection con = dataSource.getConnection(); PreparedStatement ps = con.prepareStatement(SQL)) {
            ps.setLong(1, venue.event().id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int rank = rs.getInt(8);
                    Integer vipRank = rs.wasNull() ? null : rank;
                    Row row = new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), Category.valueOf(rs.getString(7)), vipRank, rs.getString(9), rs.getLong(10),
                            instant(rs.getObject(11, LocalDateTime.class)), rs.getString(12), rs.getLong(13));
                    first.merge(row.id(), row, (a, b) -> Row.EARLIEST.compare(b, a) < 0 ? b : a);
                }
            }
        } catch (SQLException e) {
            throw new ScanStore.ScanStoreException(e);
        }
        List<Item> out = new ArrayList<>(first.size());
        first.values().stream().sorted(Row.EARLIEST).forEach(r -> {
            AgendaSession session = r.door() == CheckIn.ENTRANCE ? null : venue.byId().get(r.door());
            Arrival a = new Arrival(r.id(), r.givenName(), r.familyName(), r.nativeName(), r.organization(), r.country(),
                    r.category(), r.rank(), r.note(), session == null ? null : session.code,
                    session == null ? null : session.title, OffsetDateTime.ofInstant(r.at(), zone), r.deviceId());
            try {
                out.add(new Item(a.registrationId(), json.writeValueAsString(a)));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        });
        return out;
    }

    void stop(@Observes ShutdownEvent e) {
        poller.shutdownNow();
        feeds.values().forEach(feed -> feed.followers.forEach(f -> f.emitter.complete()));
    }
}
