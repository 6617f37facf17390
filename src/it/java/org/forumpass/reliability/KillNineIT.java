package org.forumpass.reliability;

import static org.forumpass.reliability.Api.read;
import static org.forumpass.reliability.Suite.say;
import static org.forumpass.reliability.Suite.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.forumpass.ops.AppProcess;
import org.forumpass.ops.LocalMariaDb;
import org.forumpass.reliability.Api.Scan;
import org.forumpass.seed.DelegateGenerator;
import org.forumpass.seed.SyntheticDelegate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of the app under load loses nothing it acknowledged: every registration answered 201 and every
 * scan answered 200 is there after a restart on the same data. Runs on the database the jar was built for:
 * the embedded H2 (./mvnw verify -Preliability -Dit.test=KillNineIT) or a private MariaDB
 * (./mvnw verify -Pmariadb,reliability -Dit.test=KillNineIT). On H2 it also checks that a fresh start
 * leaves the data directory and the database file readable by the owner only.
 */
@Tag("reliability")
class KillNineIT {
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final int WORKERS = 4;
    /** Acknowledged writes of each kind before the kill, so that it lands in the middle of steady traffic. */
    private static final int ACKNOWLEDGED_BEFORE_KILL = 150;

    private LocalMariaDb db;
    private AppProcess app;

    @AfterEach
    void stop() {
        Suite.closeAll(app, db);
    }

    @Test
    void everyAcknowledgedRegistrationAndScanSurvivesAKill9UnderLoad() throws Exception {
        Path dir = Suite.dir("kill9");
        String kind = AppProcess.builtFor(AppProcess.defaultJar());
        AppProcess.Builder builder;
        if (kind.equals("h2")) {
            builder = AppProcess.builder(AppProcess.defaultJar(), dir.resolve("a")).name("a");
        } else {
            db = LocalMariaDb.create(dir.resolve("mariadb")).start();
            builder = Suite.app(dir, "a", db);
        }
        app = builder.start();
        if (kind.equals("h2")) {
            assertOwnerOnly(dir.resolve("a").resolve("data"));
        }
        Api api = Api.organizer(app);
        String slug = "kill-" + unique();
        api.createEvent(slug, 100_000, true);
        List<String> badges = api.importDelegatesWithBadges(slug, 40, 21);

        Load load = new Load(api, slug, badges);
        load.start();
        try {
            org.awaitility.Awaitility.await("acknowledged writes before the kill").atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(20)).until(() -> load.failure() != null
                            || load.registrations.size() >= ACKNOWLEDGED_BEFORE_KILL && load.scans.size() >= ACKNOWLEDGED_BEFORE_KILL);
            app.kill9();
        } finally {
            load.stop();
        }
        if (load.failure() != null) {
            throw new AssertionError("the load failed before the kill", load.failure());
        }
        Set<String> registered = Set.copyOf(load.registrations);
        Set<String> scanned = Set.copyOf(load.scans);
        say("kill -9 on %s after %d acknowledged registrations and %d acknowledged scans (%d requests cut off)", kind,
                registered.size(), scanned.size(), load.cutOff.get());

        app = builder.start();
        if (kind.equals("h2")) {
            assertOwnerOnly(dir.resolve("a").resolve("data"));
        }
        Api after = Api.organizer(app);
        List<String> lostRegistrations = missingRegistrations(after, registered);
        Set<String> stored = after.scanLog(slug).stream().map(r -> r.get("Device") + "/" + r.get("Scan reference")).collect(Collectors.toSet());
        List<String> lostScans = scanned.stream().filter(k -> !stored.contains(k)).sorted().toList();
        say("after the restart: %d of %d acknowledged registrations and %d of %d acknowledged scans missing", lostRegistrations.size(),
                registered.size(), lostScans.size(), scanned.size());
        assertEquals(List.of(), lostRegistrations, "registrations answered 201 before the kill");
        assertEquals(List.of(), lostScans, "scans answered 200 before the kill");
    }

    /** The data directory is 0700 and no file in it has group or other permissions. */
    private static void assertOwnerOnly(Path data) throws IOException {
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data)), data.toString());
        Path mvDb = data.resolve("forumpass.mv.db");
        assertTrue(Files.isRegularFile(mvDb), "the H2 database is in " + data);
        try (var files = Files.list(data)) {
            for (Path f : files.toList()) {
                Set<PosixFilePermission> p = Files.getPosixFilePermissions(f);
                assertTrue(p.stream().noneMatch(x -> x.name().startsWith("GROUP") || x.name().startsWith("OTHERS")),
                        f + " is " + PosixFilePermissions.toString(p));
            }
        }
    }

    /** The acknowledged ids the restarted app does not know (asked 8 at a time, well within its connection pool). */
    private static List<String> missingRegistrations(Api api, Set<String> ids) throws Exception {
        List<String> missing = new ArrayList<>();
        List<String> order = List.copyOf(ids);
        for (int from = 0; from < order.size(); from += 8) {
            List<String> batch = order.subList(from, Math.min(from + 8, order.size()));
            List<CompletableFuture<HttpResponse<String>>> views = new ArrayList<>();
            for (String id : batch) {
                views.add(Api.sendAsync(api.get("/api/v1/registrations/" + id)));
            }
            for (int i = 0; i < batch.size(); i++) {
                HttpResponse<String> r = views.get(i).get();
                if (r.statusCode() == 404) {
                    missing.add(batch.get(i));
                } else {
                    Api.expect(r, 200, "registration " + batch.get(i));
                }
            }
        }
        return missing;
    }

    /** Several threads registering delegates and scanning badges as fast as the app answers, until stopped. */
    private static final class Load {
        final ConcurrentLinkedQueue<String> registrations = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<String> scans = new ConcurrentLinkedQueue<>();
        final AtomicInteger cutOff = new AtomicInteger();
        private final Api api;
        private final String slug;
        private final List<String> badges;
        private final List<SyntheticDelegate> people = new DelegateGenerator(22).generate(5_000);
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
        private volatile Throwable failure;

        Load(Api api, String slug, List<String> badges) {
            this.api = api;
            this.slug = slug;
            this.badges = badges;
        }

        void start() {
            for (int w = 0; w < WORKERS; w++) {
                String device = "kill-" + w;
                pool.submit(() -> work(device));
            }
        }

        Throwable failure() {
            return failure;
        }

        private void work(String device) {
            try {
                while (running.get()) {
                    register();
                    scan(device);
                }
            } catch (Throwable t) {
                if (running.get() && failure == null) {
                    failure = t;
                }
            }
        }

        private void register() throws InterruptedException {
            int i = next.getAndIncrement();
            if (i >= people.size()) {
                throw new IllegalStateException("ran out of generated delegates before the kill");
            }
            HttpResponse<String> r = send(api.register(slug, Api.delegate(people.get(i)), REQUEST_TIMEOUT));
            if (r == null) {
                return;
            }
            if (r.statusCode() == 201) {
                registrations.add(read(r).path("id").asText());
            } else if (r.statusCode() != 409) { // a generated e-mail that was already imported
                throw new AssertionError("registration answered " + r.statusCode() + ": " + r.body());
            }
        }

        private void scan(String device) throws InterruptedException {
            Scan s = new Scan(badges.get(Math.floorMod(next.get(), badges.size())), next.get() % 2 == 0 ? "S1" : null, device,
                    UUID.randomUUID().toString());
            HttpResponse<String> r = send(api.scan(slug, s, REQUEST_TIMEOUT));
            if (r == null) {
                return;
            }
            Api.expect(r, 200, "scan");
            scans.add(s.key());
        }

        /** The answer, or null when the app died before answering (not acknowledged). */
        private HttpResponse<String> send(java.net.http.HttpRequest request) throws InterruptedException {
            try {
                return Api.send(request);
            } catch (IOException e) {
                cutOff.incrementAndGet();
                return null;
            }
        }

        void stop() throws InterruptedException {
            running.set(false);
            pool.shutdown();
            if (!pool.awaitTermination(60, TimeUnit.SECONDS)) {
                pool.shutdownNow();
                throw new AssertionError("the load did not stop within 60 s");
            }
        }
    }
}
