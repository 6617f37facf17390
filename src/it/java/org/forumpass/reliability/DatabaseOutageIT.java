package org.forumpass.reliability;

import static org.forumpass.reliability.Api.problemCode;
import static org.forumpass.reliability.Api.read;
import static org.forumpass.reliability.Api.send;
import static org.forumpass.reliability.Suite.say;
import static org.forumpass.reliability.Suite.seconds;
import static org.forumpass.reliability.Suite.unique;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.forumpass.ops.AppProcess;
import org.forumpass.ops.LocalMariaDb;
import org.forumpass.reliability.Api.Scan;
import org.forumpass.seed.DelegateGenerator;
import org.forumpass.seed.SyntheticDelegate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The database goes away under a running app and comes back: readiness must say so (DOWN, then UP, with
 * liveness 200 throughout so that nothing restarts the app), clients must get a prompt 503 rather than a
 * hang, the app must recover on its own, and no write it acknowledged may be lost.
 */
@Tag("reliability")
class DatabaseOutageIT {
    /** No request waits longer than this, so a hang shows as a client timeout instead of stalling the test. */
    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(10);
    /**
     * Every answer, 503s during the outage included, comes within this. The pool takes about 2 s to give up
     * on a server that is gone; a scan whose lane was asking the pool for the event's doors at that moment
     * can meet two such waits: about 4 s at worst (measured 4.05 s before lanes kept their known doors).
     */
    private static final Duration ANSWER_BOUND = Duration.ofSeconds(8);
    private static final Duration DOWN_BOUND = Duration.ofSeconds(10);
    private static final Duration UP_BOUND = Duration.ofSeconds(30);

    private static Path dir;
    private static LocalMariaDb db;
    private static AppProcess app;
    private static Api api;

    @BeforeAll
    static void startAppOnItsOwnDatabase() throws Exception {
        dir = Suite.dir("outage");
        db = LocalMariaDb.create(dir.resolve("mariadb")).start();
        app = Suite.app(dir, "a", db).start();
        api = Api.organizer(app);
    }

    @BeforeEach
    void databaseAndAppUp() {
        db.start(); // a failed test may have left it down
        app.awaitReady(Duration.ofSeconds(60));
    }

    @AfterAll
    static void stopEverything() {
        Suite.closeAll(app, db);
    }

    @Test
    void appRecoversFromDatabaseKillUnderLoad() throws Exception {
        outage("kill -9", db::kill9, 11);
    }

    @Test
    void appRecoversFromDatabaseShutdownUnderLoad() throws Exception {
        outage("graceful shutdown", db::stop, 12);
    }

    /**
     * A restart kills the connections that sat idle in the app's pool. Once the database answers again, none
     * of them may fail a request: the pool checks each connection as it hands it out and replaces the dead ones.
     */
    @Test
    void idleConnectionsKilledByARestartFailNoRequest() throws Exception {
        String slug = "idle-" + unique();
        api.createEvent(slug, 100_000, true);
        api.importDelegatesWithBadges(slug, 20, 13);
        Stored stored = new Stored(db);
        String connections = "select count(*) - 1 from information_schema.processlist where user = '" + LocalMariaDb.USER + "'";
        long pooled = org.awaitility.Awaitility.await("12 connections open at once").atMost(Duration.ofSeconds(60))
                .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(10)).until(() -> {
                    exports(slug, 32); // requests at once: the pool opens connections for them and keeps them idle
                    return stored.count(connections);
                }, n -> n >= 12);
        db.stop();
        db.start(); // returns once MariaDB answers; readiness is not asked, since each probe would replace one dead connection
        List<HttpResponse<String>> after = exports(slug, 32);
        List<String> failed = after.stream().filter(r -> r.statusCode() != 200).map(r -> r.statusCode() + " " + r.body()).toList();
        say("idle pool connections across a graceful restart: %d open before, %d requests at once once MariaDB answered, %d failed", pooled,
                after.size(), failed.size());
        assertEquals(List.of(), failed, pooled + " connections were open before the restart; requests after it failed");
    }

    /** {@code n} delegate exports sent at once, with their answers. */
    private static List<HttpResponse<String>> exports(String slug, int n) throws Exception {
        List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> burst = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            burst.add(Api.sendAsync(api.get("/api/v1/events/" + slug + "/exports/delegates.csv")));
        }
        List<HttpResponse<String>> out = new ArrayList<>();
        for (var f : burst) {
            out.add(f.get(60, TimeUnit.SECONDS));
        }
        return out;
    }

    private void outage(String how, Runnable takeDown, int seed) throws Exception {
        String slug = "outage-" + unique();
        api.createEvent(slug, 100_000, true);
        List<String> codes = api.importDelegatesWithBadges(slug, 50, seed);
        long downAt;
        long restartAt;
        long dbBack;
        Health down;
        Health up;
        long end;
        Load load = new Load(slug, codes, seed);
        try {
            load.start();
            load.awaitAnswered(100, Long.MIN_VALUE, Duration.ofSeconds(30)); // load before the outage
            downAt = System.nanoTime();
            takeDown.run();
            down = load.await(h -> h.ready() == 503 && "DOWN".equals(h.readyState()), downAt, DOWN_BOUND.plusSeconds(10));
            load.awaitAnswered(30, down.at(), Duration.ofSeconds(60)); // load while the database is down
            restartAt = System.nanoTime();
            db.start();
            dbBack = System.nanoTime();
            up = load.await(h -> h.ready() == 200 && "UP".equals(h.readyState()), restartAt, UP_BOUND.plusSeconds(30));
            // after the recovery: from when readiness answered UP (a probe sent earlier may wait in the pool
            // for the server to come back, and calls sent with it met the database still down)
            load.awaitAnswered(100, up.answeredAt(), Duration.ofSeconds(60));
            end = System.nanoTime();
        } finally {
            load.stop();
        }

        List<Call> calls = new ArrayList<>(load.calls);
        List<Call> before = calls.stream().filter(c -> c.sentAt() < downAt).toList();
        List<Call> during = calls.stream().filter(c -> c.sentAt() >= down.at() && c.sentAt() < restartAt).toList();
        List<Call> after = calls.stream().filter(c -> c.sentAt() >= up.answeredAt() && c.sentAt() < end).toList();
        List<Call> acked = calls.stream().filter(Call::ok).toList();
        List<Call> wrong = calls.stream().filter(c -> !c.ok() && !c.isUnavailable()).toList();
        List<Call> slow = calls.stream().filter(c -> c.took() > ANSWER_BOUND.toNanos()).toList();
        List<Call> failedAfter = after.stream().filter(c -> !c.ok()).toList();
        long liveFailures = load.health.stream().filter(h -> h.live() != 200).count();

        Stored stored = new Stored(db);
        long eventId = stored.eventId(slug);
        Map<String, String> scans = stored.scans(eventId);
        Set<String> registrations = stored.registrationIds(eventId);
        List<String> lost = acked.stream().filter(c -> c.kind().equals("scan") ? !scans.containsKey(c.key()) : !registrations.contains(c.id()))
                .map(Call::toString).toList();
        long seatsTaken = stored.count("select seats_taken from event where id = ?", eventId);
        long confirmed = stored.count("select count(*) from registration where event_id = ? and status = 'CONFIRMED'", eventId);

        Call slowest = calls.stream().max(Comparator.comparingLong(Call::took)).orElseThrow();
        String figures = String.format(Locale.ROOT, "database %s under load (3 scanners, 2 registrars at one app):"
                        + " readiness 503 DOWN %.2f s after, liveness 200 throughout (%d probes, %d failed); %d API calls while it"
                        + " was down: %s, answered in %s; readiness UP %.1f s after the restart began (MariaDB answered after"
                        + " %.1f s); %d calls after UP, %d failed; %d writes acknowledged (%d before the outage, %d after UP),"
                        + " %d lost; seats taken %d = confirmed %d; slowest call %s", how, seconds(downAt, down.at()),
                load.health.size(), liveFailures, during.size(), outcomes(during), latencies(during), seconds(restartAt, up.answeredAt()),
                seconds(restartAt, dbBack), after.size(), failedAfter.size(), acked.size(), before.stream().filter(Call::ok).count(),
                after.stream().filter(Call::ok).count(), lost.size(), seatsTaken, confirmed, slowest);
        say("%s", figures);
        writeCalls(dir.resolve("calls-" + how.replace(' ', '-') + ".csv"), calls, downAt, down.at(), restartAt, up.answeredAt());

        assertAll(figures,
                () -> assertTrue(before.stream().anyMatch(c -> c.ok() && c.kind().equals("scan"))
                        && before.stream().anyMatch(c -> c.ok() && c.kind().equals("register")), "the load ran before the outage"),
                () -> assertTrue(down.at() - downAt <= DOWN_BOUND.toNanos(), "readiness DOWN within " + DOWN_BOUND),
                () -> assertEquals(0, liveFailures, "liveness answers 200 throughout, so nothing restarts the app"),
                () -> assertTrue(during.size() >= 5, "the load ran during the outage"),
                () -> assertEquals(List.of(), sample(wrong), wrong.size() + " calls not acknowledged answered something other than"
                        + " 503 service.unavailable (problem+json, Retry-After): " + outcomes(wrong)),
                () -> assertEquals(List.of(), sample(slow), slow.size() + " calls took longer than " + ANSWER_BOUND),
                () -> assertTrue(medianMillis(during.stream().filter(c -> c.kind().equals("scan")).toList()) < 500,
                        "door scans while the database is down answer at once (median under 0.5 s), so the door goes"
                        + " offline at once: " + latencies(during.stream().filter(c -> c.kind().equals("scan")).toList())),
                () -> assertTrue(up.answeredAt() - restartAt <= UP_BOUND.toNanos(), "readiness UP within " + UP_BOUND + " of the restart"),
                () -> assertTrue(after.stream().anyMatch(c -> c.ok() && c.kind().equals("scan"))
                        && after.stream().anyMatch(c -> c.ok() && c.kind().equals("register")), "scans and registrations succeed after UP"),
                () -> assertEquals(List.of(), sample(failedAfter), failedAfter.size() + " calls after readiness was UP again failed"),
                () -> assertEquals(List.of(), lost, "acknowledged writes missing from the database"),
                () -> assertEquals(confirmed, seatsTaken, "the seat counter matches the confirmed registrations"));
    }

    /** Every call with its phase, for reading after a failure: target/reliability/outage-.../calls-*.csv */
    private static void writeCalls(Path file, List<Call> calls, long downAt, long downSeen, long restartAt, long upSeen)
            throws IOException {
        StringBuilder sb = new StringBuilder("sentMs,phase,kind,tookMs,status,code,key\n");
        for (Call c : calls) {
            String phase = c.sentAt() < downAt ? "before" : c.sentAt() < downSeen ? "going-down" : c.sentAt() < restartAt ? "down"
                    : c.sentAt() < upSeen ? "restarting" : "after";
            sb.append((c.sentAt() - downAt) / 1_000_000).append(',').append(phase).append(',').append(c.kind()).append(',')
                    .append(c.took() / 1_000_000).append(',').append(c.status()).append(',').append(c.code()).append(',')
                    .append(c.key()).append('\n');
        }
        Files.writeString(file, sb);
    }

    private static List<Call> sample(List<Call> calls) {
        return calls.size() <= 10 ? calls : calls.subList(0, 10);
    }

    private static String outcomes(List<Call> calls) {
        return calls.stream().collect(Collectors.groupingBy(c -> c.kind() + " " + c.outcome(), LinkedHashMap::new, Collectors.counting()))
                .toString();
    }

    /** How long each call took, in milliseconds, shortest first. */
    private static long[] sortedMillis(List<Call> calls) {
        return calls.stream().mapToLong(c -> c.took() / 1_000_000).sorted().toArray();
    }

    private static long medianMillis(List<Call> calls) {
        long[] ms = sortedMillis(calls);
        return ms.length == 0 ? Long.MAX_VALUE : ms[ms.length / 2];
    }

    private static String latencies(List<Call> calls) {
        if (calls.isEmpty()) {
            return "-";
        }
        long[] ms = sortedMillis(calls);
        return String.format(Locale.ROOT, "p50 %d ms, p99 %d ms, max %d ms", ms[ms.length / 2],
                ms[Math.min(ms.length - 1, (int) Math.ceil(ms.length * 0.99) - 1)], ms[ms.length - 1]);
    }

    /** One API call of the load: a scan (key device/nonce) or a registration (id from its 201). */
    private record Call(String kind, String key, long sentAt, long took, int status, String code, String retryAfter,
                        String contentType, String id, String body) {
        boolean ok() {
            return status == 200 || status == 201;
        }

        boolean isUnavailable() {
            return status == 503 && "service.unavailable".equals(code) && retryAfter != null
                    && contentType.startsWith("application/problem+json");
        }

        String outcome() {
            return status == -1 ? "no answer" : status == -2 ? "client timeout" : status + (code.isEmpty() ? "" : " " + code);
        }

        @Override
        public String toString() {
            return kind + " " + key + " -> " + outcome() + " in " + took / 1_000_000 + " ms"
                    + (ok() ? "" : ", Retry-After " + retryAfter + ", " + contentType + ": " + body);
        }
    }

    /** One readiness and liveness probe: sent at {@code at}, readiness answered at {@code answeredAt} (nanoTime). */
    private record Health(long at, long answeredAt, int ready, String readyState, int live) {
    }

    /** Scanners and registrars at the app, back to back with a short pause, and a health prober every 100 ms. */
    private static final class Load {
        final ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<Health> health = new ConcurrentLinkedQueue<>();
        private volatile Health latest;
        private final ScheduledExecutorService pool = Executors.newScheduledThreadPool(6);
        private final List<ScheduledFuture<?>> workers = new ArrayList<>();
        private final String slug;
        private final List<String> codes;
        private final List<SyntheticDelegate> people;

        Load(String slug, List<String> codes, int seed) {
            this.slug = slug;
            this.codes = codes;
            this.people = new DelegateGenerator(seed + 1000).generate(500);
        }

        void start() {
            for (int i = 0; i < 3; i++) {
                String device = "load-" + i;
                Random random = new Random(i);
                every(25, () -> {
                    Scan s = new Scan(codes.get(random.nextInt(codes.size())), random.nextBoolean() ? "S1" : null, device,
                            UUID.randomUUID().toString());
                    call("scan", s.key(), () -> send(api.scan(slug, s, CLIENT_TIMEOUT)));
                });
            }
            for (int i = 0; i < 2; i++) {
                Random random = new Random(100 + i);
                every(25, () -> {
                    Map<String, Object> d = Api.delegate(people.get(random.nextInt(people.size())));
                    String email = "load-" + UUID.randomUUID() + "@example.org";
                    d.put("email", email);
                    call("register", email, () -> send(api.register(slug, d, CLIENT_TIMEOUT)));
                });
            }
            every(100, this::probe);
        }

        /**
         * Runs {@code step} again and again, {@code pauseMillis} after each run ends, until the load stops:
         * the pace of the load, as a door or a browser would send, not a wait for anything.
         */
        private void every(long pauseMillis, ThrowingRunnable step) {
            workers.add(pool.scheduleWithFixedDelay(() -> {
                try {
                    step.run();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, 0, pauseMillis, TimeUnit.MILLISECONDS));
        }

        private void call(String kind, String key, HttpCall http) throws InterruptedException {
            long t = System.nanoTime();
            try {
                HttpResponse<String> r = http.send();
                long took = System.nanoTime() - t;
                String id = r.statusCode() == 201 ? read(r).path("id").asText() : null;
                calls.add(new Call(kind, key, t, took, r.statusCode(), problemCode(r), r.headers().firstValue("Retry-After").orElse(null),
                        r.headers().firstValue("Content-Type").orElse(""), id, r.statusCode() < 300 ? "" : r.body()));
            } catch (HttpTimeoutException e) {
                calls.add(new Call(kind, key, t, System.nanoTime() - t, -2, "", null, "", null, e.toString()));
            } catch (IOException e) {
                calls.add(new Call(kind, key, t, System.nanoTime() - t, -1, "", null, "", null, e.toString()));
            }
        }

        private void probe() throws InterruptedException {
            long t = System.nanoTime();
            int ready;
            String state = "";
            try {
                HttpResponse<String> r = send(HttpRequest.newBuilder(app.uri("/q/health/ready"))
                        .timeout(Duration.ofSeconds(5)).GET().build());
                ready = r.statusCode();
                state = r.body().contains("\"DOWN\"") ? "DOWN" : r.body().contains("\"UP\"") ? "UP" : r.body();
            } catch (IOException e) {
                ready = -1;
            }
            long answered = System.nanoTime();
            int live;
            try {
                live = send(HttpRequest.newBuilder(app.uri("/q/health/live")).timeout(Duration.ofSeconds(5)).GET()
                        .build()).statusCode();
            } catch (IOException e) {
                live = -1;
            }
            Health h = new Health(t, answered, ready, state, live);
            health.add(h);
            latest = h;
        }

        /** The first probe sent after {@code since} that matches, waiting at most {@code timeout}. */
        Health await(Predicate<Health> condition, long since, Duration timeout) {
            try {
                return org.awaitility.Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(50))
                        .until(() -> health.stream().filter(h -> h.at() >= since && condition.test(h)).findFirst(),
                                java.util.Optional::isPresent)
                        .orElseThrow();
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                throw new AssertionError("no such health probe within " + timeout + "; the last: " + latest + "\n" + app.logTail(30));
            }
        }

        /** Waits until {@code count} API calls sent after {@code since} (a nanoTime) have their answer, whatever it is. */
        void awaitAnswered(int count, long since, Duration timeout) {
            org.awaitility.Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(50))
                    .until(() -> calls.stream().filter(c -> c.sentAt() >= since).count() >= count);
        }

        /**
         * Stops the load: no step starts any more, and the steps under way finish. Rethrows what broke a
         * worker (a bug in the test, not an answer of the app), which also ended that worker's runs.
         */
        void stop() throws Exception {
            List<ScheduledFuture<?>> broken = workers.stream().filter(w -> w.isDone() && !w.isCancelled()).toList();
            workers.forEach(w -> w.cancel(false));
            pool.shutdown();
            if (!pool.awaitTermination(30, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
            for (ScheduledFuture<?> w : broken) {
                try {
                    w.get();
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof Exception cause ? cause : e;
                }
            }
        }
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    @FunctionalInterface
    private interface HttpCall {
        HttpResponse<String> send() throws IOException, InterruptedException;
    }
}
