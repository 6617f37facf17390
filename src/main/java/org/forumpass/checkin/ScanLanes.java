package org.forumpass.checkin;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.ConfigProvider;
import org.forumpass.checkin.CheckInRecords.ScanAnswer;
import org.forumpass.checkin.CheckInRecords.ScanRequest;
import org.forumpass.common.Db;
import org.forumpass.common.ForumPassConfig;
import org.forumpass.common.Retry;
import org.forumpass.common.error.DomainException;
import org.jboss.logging.Logger;

/**
 * Door scans settle in lanes: a few threads, each with its own connection, that take every scan waiting
 * for them and settle the lot as one {@link ScanGroup}, one transaction. An idle lane takes a lone scan at
 * once (no waiting to fill a group), so a quiet door answers as fast as before; under a rush the groups
 * grow by themselves and the database sees a handful of statements and one commit for dozens of scans.
 * A badge's code always maps to the same lane, so its scans are settled in arrival order and no two lanes
 * race for its first check-in. A group that the database refuses (a concurrent write by another replica)
 * is rolled back and settled scan by scan on the single-scan path ({@link SingleScan}), which retries. Nothing is answered
 * before its group has committed.
 */
@ApplicationScoped
public class ScanLanes {
    private static final Logger LOG = Logger.getLogger(ScanLanes.class);

    @Inject
    AgroalDataSource dataSource;
    @Inject
    Doors doors;
    @Inject
    SingleScan single;
    @Inject
    Clock clock;

    @Inject
    ForumPassConfig config;
    @Inject
    MeterRegistry meters;

    /** Per group, not per request: the HTTP metrics leave out the scan endpoint (see application.properties). */
    private DistributionSummary groupSizes;
    private Timer groupTimes;
    private final Map<ScanResult, Counter> verdicts = new EnumMap<>(ScanResult.class);

    private int groupMax;

    private final List<Lane> lanes = new ArrayList<>();
    /** MySQL and MariaDB: lanes hold connections of their own that take a group's writes and COMMIT in one trip. */
    private boolean oneTrip;
    private volatile boolean running;

    void start(@Observes StartupEvent e) {
        running = true;
        groupMax = Math.max(1, config.scan().groupMax());
        oneTrip = config.db().equals("mysql") || config.db().equals("mariadb");
        groupSizes = DistributionSummary.builder("forumpass.scan.group.size")
                .description("Door scans settled together in one transaction").register(meters);
        groupTimes = Timer.builder("forumpass.scan.group").description("Time to read, decide, write and commit a group of scans")
                .register(meters);
        for (ScanResult r : ScanResult.values()) {
            verdicts.put(r, Counter.builder("forumpass.scans").tag("result", r.name()).description("Door scans answered")
                    .register(meters));
        }
        for (int i = 0; i < Math.max(1, config.scan().lanes()); i++) {
            Lane lane = new Lane(i, new LinkedBlockingQueue<>(Math.max(1, config.scan().queueMax())));
            lanes.add(lane);
            lane.thread.start();
        }
    }

    void stop(@Observes ShutdownEvent e) {
        running = false;
        for (Lane lane : lanes) {
            lane.thread.interrupt();
        }
        for (Lane lane : lanes) {
            try {
                lane.thread.join(10_000);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Queues one scan; the answer completes once its group has committed. Door scans go to their code's
     * lane; an offline upload ({@code byDevice}) goes whole to its device's lane, so the device's scans keep
     * the order it recorded them in (a nonce's first scan is the one that counts).
     */
    public CompletableFuture<ScanAnswer> submit(String slug, ScanRequest req, String lang, String staff, boolean byDevice) {
        ScanGroup.Item item = new ScanGroup.Item(slug, req, lang, staff, clock.instant(), byDevice);
        if (!running || lanes.isEmpty()) {
            item.answer.completeExceptionally(new Db.Unavailable("scanning is stopping"));
            return item.answer;
        }
        int index = byDevice ? Math.floorMod(req.deviceId().hashCode(), lanes.size()) : item.lane(lanes.size());
        Lane lane = lanes.get(index);
        if (!lane.queue.offer(item)) {
            item.answer.completeExceptionally(new Db.Unavailable("too many scans are waiting for the database"));
        }
        return item.answer;
    }

    /**
     * A connection outside the pool, with the pool's driver, address and account, that allows several
     * statements in one request ({@code allowMultiQueries}, which the pool's connections keep off): only
     * the lanes' own fixed SQL uses it, every value bound as a parameter.
     */
    private Connection openOwn() throws SQLException {
        var factory = dataSource.getConfiguration().connectionPoolConfiguration().connectionFactoryConfiguration();
        Properties p = new Properties();
        p.putAll(factory.jdbcProperties());
        org.eclipse.microprofile.config.Config cfg = ConfigProvider.getConfig();
        cfg.getOptionalValue("quarkus.datasource.username", String.class).ifPresent(u -> p.setProperty("user", u));
        cfg.getOptionalValue("quarkus.datasource.password", String.class).ifPresent(pw -> p.setProperty("password", pw));
        p.setProperty("allowMultiQueries", "true");
        p.setProperty("connectTimeout", "5000");
        try {
            Driver driver = (Driver) factory.connectionProviderClass().getDeclaredConstructor().newInstance();
            Connection c = driver.connect(factory.jdbcUrl(), p);
            if (c == null) {
                throw new SQLException("the driver does not take " + factory.jdbcUrl(), "08001");
            }
            return c;
        } catch (ReflectiveOperationException e) {
            throw new SQLException("cannot load the JDBC driver: " + e, "08001", e);
        }
    }

    private final class Lane implements Runnable {
        final int index;
        final BlockingQueue<ScanGroup.Item> queue;
        final Thread thread;
        Connection con;
        /**
         * The last group met the database away. The lane then settles with the event's doors it already knows
         * rather than asking the pool for them: the pool takes about 2 s to give up on a server that is gone,
         * while the lane's own connection is refused at once, so the door answers 503 and goes offline at once.
         */
        boolean databaseAway;

        Lane(int index, BlockingQueue<ScanGroup.Item> queue) {
            this.index = index;
            this.queue = queue;
            this.thread = new Thread(this, "scan-lane-" + index);
            this.thread.setDaemon(true);
        }

        @Override
        public void run() {
            List<ScanGroup.Item> taken = new ArrayList<>(groupMax);
            while (running || !queue.isEmpty()) {
                try {
                    ScanGroup.Item first = queue.poll(1, TimeUnit.SECONDS);
                    if (first == null) {
                        continue;
                    }
                    taken.add(first);
                    queue.drainTo(taken, groupMax - 1);
                    settle(taken);
                } catch (InterruptedException e) {
                    if (queue.isEmpty()) {
                        break;
                    }
                } catch (RuntimeException | Error e) {
                    LOG.error("Scan lane failed a group", e);
                    for (ScanGroup.Item it : taken) {
                        it.answer.completeExceptionally(e);
                    }
                } finally {
                    taken.clear();
                }
            }
            close();
        }

        private void settle(List<ScanGroup.Item> taken) {
            Map<String, List<ScanGroup.Item>> bySlug = new LinkedHashMap<>();
            for (ScanGroup.Item it : taken) {
                if (!it.answer.isDone()) { // a request that gave up waiting is not settled
                    bySlug.computeIfAbsent(it.slug, k -> new ArrayList<>()).add(it);
                }
            }
            for (Map.Entry<String, List<ScanGroup.Item>> e : bySlug.entrySet()) {
                settleEvent(e.getKey(), e.getValue());
            }
        }

        private void settleEvent(String slug, List<ScanGroup.Item> items) {
            Doors.Venue venue;
            try {
                venue = doors.venue(slug, databaseAway);
            } catch (RuntimeException e) {
                failAll(items, e);
                return;
            }
            List<ScanGroup.Item> ready = new ArrayList<>(items.size());
            for (ScanGroup.Item it : items) {
                try {
                    it.session = venue.session(it.req.session());
                    ready.add(it);
                } catch (DomainException e) {
                    it.answer.completeExceptionally(e);
                }
            }
            if (ready.isEmpty()) {
                return;
            }
            long started = System.nanoTime();
            for (int attempt = 1; ; attempt++) {
                ScanGroup group = new ScanGroup(venue);
                try {
                    Connection c = connection();
                    List<ScanAnswer> answers;
                    try {
                        answers = group.settle(c, ready);
                        group.commit(c, oneTrip);
                    } catch (SQLException | RuntimeException ex) {
                        rollback();
                        throw ex;
                    }
                    for (int i = 0; i < ready.size(); i++) {
                        if (answers.get(i) != null) {
                            ready.get(i).answer.complete(answers.get(i));
                            verdicts.get(answers.get(i).result()).increment();
                        }
                    }
                    databaseAway = false;
                    groupSizes.record(ready.size());
                    groupTimes.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
                    alone(group.afterCommit);
                    return;
                } catch (SQLException | RuntimeException ex) {
                    if (ex instanceof ScanGroup.Conflict || Db.isConstraintViolation(ex) || Retry.isConflict(ex)) {
                        alone(ready); // another replica or door got there first: one at a time, with retries
                        return;
                    }
                    close();
                    if (Db.isUnavailable(ex) && attempt == 1) {
                        continue; // a connection the server dropped (idle timeout, restart): once more on a new one
                    }
                    failAll(ready, ex);
                    return;
                }
            }
        }

        /** The single-scan path, in order; a replay of a nonce this group stored answers as stored. */
        private void alone(List<ScanGroup.Item> items) {
            for (ScanGroup.Item it : items) {
                if (it.answer.isDone()) {
                    continue;
                }
                try {
                    ScanAnswer a = single.scan(it.slug, it.req, it.lang, it.staff);
                    it.answer.complete(a);
                    verdicts.get(a.result()).increment();
                } catch (RuntimeException e) {
                    it.answer.completeExceptionally(e);
                }
            }
        }

        private void failAll(List<ScanGroup.Item> items, Throwable e) {
            if (Db.isUnavailable(e)) {
                databaseAway = true;
                LOG.warnf("Scan lane %d: database unavailable: %s", index, e.getMessage());
            }
            for (ScanGroup.Item it : items) {
                it.answer.completeExceptionally(e);
            }
        }

        private Connection connection() throws SQLException {
            if (con == null) {
                Connection c = oneTrip ? openOwn() : dataSource.getConnection();
                try {
                    c.setAutoCommit(false);
                } catch (SQLException e) {
                    c.close();
                    throw e;
                }
                con = c;
            }
            return con;
        }

        private void rollback() {
            if (con != null) {
                try {
                    con.rollback();
                } catch (SQLException e) {
                    close();
                }
            }
        }

        private void close() {
            if (con != null) {
                try {
                    con.close();
                } catch (SQLException ignored) {
                    // the connection is gone already
                }
                con = null;
            }
        }
    }
}
