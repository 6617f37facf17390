package org.forumpass.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.forumpass.seed.DelegateGenerator;
import org.forumpass.seed.SyntheticDelegate;

/**
 * The load harness: drives a running ForumPass server over HTTP and prints throughput, latency
 * percentiles and errors per scenario. Open-model runs send at a fixed arrival rate and measure each
 * latency from the request's intended send time, so a stalled server cannot hide its stall (no
 * coordinated omission). Closed-model runs (a fixed number of callers, back to back) find the most a
 * scenario can do; the liveness endpoint measured the same way is the denominator of the ratio.
 *
 * <pre>
 * ./mvnw -q -Pbench test-compile exec:java -Dbench.args="url=http://localhost:8080 password=... [scenarios=live,scan,drain,register,badges,export]"
 * </pre>
 */
public final class LoadHarness {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final HttpClient client;
    private final Map<String, String> options;
    private String token;
    private double liveThroughput;

    private LoadHarness(Map<String, String> options) {
        this.options = options;
        this.base = URI.create(options.getOrDefault("url", "http://localhost:8080"));
        ExecutorService pool = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "bench-http");
            t.setDaemon(true);
            return t;
        });
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(pool)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (String a : args.length == 1 ? args[0].trim().split("\\s+") : args) {
            String kv = a.replaceFirst("^-+", "");
            int eq = kv.indexOf('=');
            if (!kv.isEmpty()) {
                options.put(eq < 0 ? kv : kv.substring(0, eq), eq < 0 ? "true" : kv.substring(eq + 1));
            }
        }
        LoadHarness h = new LoadHarness(options);
        h.run();
        System.exit(0);
    }

    private int opt(String name, int def) {
        return Integer.parseInt(options.getOrDefault(name, Integer.toString(def)));
    }

    private void run() throws Exception {
        token = login(options.getOrDefault("user", "admin"), options.get("password"));
        List<String> scenarios = List.of(options.getOrDefault("scenarios", "live,scan,drain,register,badges,export").split(","));
        System.out.printf(Locale.ROOT, "ForumPass load harness against %s, %d cores here, scenarios %s%n%n", base,
                Runtime.getRuntime().availableProcessors(), scenarios);
        int callers = opt("callers", 32);
        int seconds = opt("seconds", 15);
        liveThroughput = closed("liveness GET /q/health/live", callers, seconds, i -> get("/q/health/live").build()).throughput();
        Forum forum = null;
        if (scenarios.contains("scan") || scenarios.contains("drain") || scenarios.contains("badges")) {
            forum = forum("bench-" + UUID.randomUUID().toString().substring(0, 6), opt("delegates", 3000));
        }
        if (scenarios.contains("scan")) {
            scanRush(forum, callers, seconds);
        }
        if (scenarios.contains("drain")) {
            drain(forum, opt("drain", 10_000));
        }
        if (scenarios.contains("register")) {
            registrationRush(opt("rush", 500), opt("seats", 10));
        }
        if (scenarios.contains("badges")) {
            badges(forum);
        }
        if (scenarios.contains("export")) {
            export(opt("export-delegates", 100_000));
        }
        if (scenarios.contains("replicas")) {
            replicas(URI.create(options.getOrDefault("url2", base.toString())));
        }
    }

    // ---- two replicas on one database ------------------------------------------------------------

    /**
     * Two app instances on one database, driven at once: a registration rush split between them, every
     * badge scanned at both doors at the same instant, and nonce replays sent to both. Checks that the
     * counts are exact, that no badge is admitted twice, and that every scan answered 200 is in the log.
     */
    private void replicas(URI other) throws Exception {
        List<URI> nodes = List.of(base, other);
        // 1. registration rush split between the replicas
        String rushSlug = "replica-rush-" + UUID.randomUUID().toString().substring(0, 6);
        check(send(post("/api/v1/events", event(rushSlug, 10))), 201, "create event");
        List<SyntheticDelegate> crowd = new DelegateGenerator(77).generate(300);
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < crowd.size(); i++) {
            calls.add(client.sendAsync(HttpRequest.newBuilder(nodes.get(i % 2).resolve("/api/v1/events/" + rushSlug + "/registrations"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json(delegate(crowd.get(i)))))
                    .build(), HttpResponse.BodyHandlers.ofString()));
        }
        Map<String, Integer> outcome = new LinkedHashMap<>();
        for (CompletableFuture<HttpResponse<String>> c : calls) {
            HttpResponse<String> r = c.get(120, TimeUnit.SECONDS);
            outcome.merge(r.statusCode() == 201 ? JSON.readTree(r.body()).path("status").asText() : "HTTP " + r.statusCode(), 1,
                    Integer::sum);
        }
        JsonNode rush = JSON.readTree(check(send(get("/api/v1/events/" + rushSlug + "/stats").build()), 200, "stats").body());
        boolean seatsExact = outcome.getOrDefault("CONFIRMED", 0) == 10 && rush.path("registrations").path("byStatus")
                .path("CONFIRMED").asInt() == 10;

        // 2. every badge scanned at both replicas at once, three times each
        Forum f = forum("replica-scan-" + UUID.randomUUID().toString().substring(0, 6), opt("delegates", 200));
        List<CompletableFuture<HttpResponse<String>>> scans = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            for (int d = 0; d < f.codes().size(); d++) {
                for (URI node : nodes) {
                    scans.add(client.sendAsync(HttpRequest.newBuilder(node.resolve("/api/v1/events/" + f.slug() + "/scans"))
                            .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(json(Map.of("code", f.codes().get(d), "session", "S1",
                                    "deviceId", "door-" + node.getPort(), "nonce", UUID.randomUUID().toString())))).build(),
                            HttpResponse.BodyHandlers.ofString()));
                }
            }
        }
        // 3. the same nonce sent to both replicas at once
        for (int d = 0; d < 50; d++) {
            String nonce = UUID.randomUUID().toString();
            for (URI node : nodes) {
                scans.add(client.sendAsync(HttpRequest.newBuilder(node.resolve("/api/v1/events/" + f.slug() + "/scans"))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json(Map.of("code", f.codes().get(d), "deviceId", "twin-door",
                                "nonce", nonce)))).build(), HttpResponse.BodyHandlers.ofString()));
            }
        }
        int acknowledged = 0;
        int accepted = 0;
        for (CompletableFuture<HttpResponse<String>> c : scans) {
            HttpResponse<String> r = c.get(120, TimeUnit.SECONDS);
            if (r.statusCode() == 200) {
                acknowledged++;
                accepted += "ACCEPTED".equals(JSON.readTree(r.body()).path("result").asText()) ? 1 : 0;
            }
        }
        JsonNode stats = JSON.readTree(check(send(get("/api/v1/events/" + f.slug() + "/stats").build()), 200, "stats").body());
        int checkedIn = 0;
        for (JsonNode s : stats.path("sessions")) {
            if ("S1".equals(s.path("code").asText())) {
                checkedIn = s.path("checkedIn").asInt();
            }
        }
        String log = check(send(get("/api/v1/events/" + f.slug() + "/exports/scans.csv").build()), 200, "scan log").body();
        long logged = log.lines().count() - 1;
        int expectedRows = acknowledged - 50; // each replayed nonce answered twice, stored once
        System.out.printf(Locale.ROOT, "two replicas %s and %s on one database:%n", base, other);
        System.out.printf(Locale.ROOT, "  registration rush 300 for 10 seats split between them: %s -> %s%n", outcome,
                seatsExact ? "exactly 10 confirmed" : "WRONG");
        System.out.printf(Locale.ROOT, "  %d badges scanned at both replicas three times (and 50 at the entrance): %d accepted answers, %d checked in to S1 -> %s%n",
                f.codes().size(), accepted, checkedIn,
                checkedIn == f.codes().size() ? "one first check-in each" : "WRONG");
        System.out.printf(Locale.ROOT, "  %d scans answered 200, 50 of them nonce replays; %d rows in the scan log -> %s%n%n",
                acknowledged, logged, logged == expectedRows ? "none lost, none doubled" : "WRONG (expected " + expectedRows + ")");
    }

    // ---- scenarios -----------------------------------------------------------------------------

    /** Scan rush: many devices, thousands of delegates, every tenth scan a repeat of an earlier one. */
    private void scanRush(Forum f, int callers, int seconds) throws Exception {
        Random random = new Random(7);
        IntFunction<HttpRequest> scan = i -> {
            int d = random.nextInt(f.codes.size());
            if (i % 10 == 9) {
                d = (int) (i * 31L % f.codes.size()); // a duplicate of a badge already scanned at this door
            }
            String session = f.sessions.get(d % f.sessions.size());
            return scanRequest(f.slug, f.codes.get(d), session, "door-" + (i % 40), UUID.randomUUID().toString());
        };
        Result max = closed("scan rush, closed model (" + f.codes.size() + " delegates, 40 devices, 10% repeats)", callers,
                seconds, scan);
        System.out.printf(Locale.ROOT, "    scans / liveness throughput = %.1f%%%n%n", 100 * max.throughput() / liveThroughput);
        open("scan rush, open model at 1,000/s", 1000, seconds, scan);
        open("scan rush, open model at 2,000/s", 2000, seconds, scan);
    }

    /** Offline drain: a device uploads 10,000 queued scans through the batch endpoint. */
    private void drain(Forum f, int count) throws Exception {
        for (int batchSize : new int[] {1000, count}) {
            List<Map<String, Object>> all = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Map<String, Object> s = new LinkedHashMap<>();
                s.put("code", f.codes.get(i % f.codes.size()));
                s.put("session", f.sessions.get(i % f.sessions.size()));
                s.put("direction", "IN");
                s.put("deviceId", "offline-" + batchSize);
                s.put("nonce", UUID.randomUUID().toString());
                s.put("scannedAt", OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(30).toString());
                all.add(s);
            }
            long start = System.nanoTime();
            int errors = 0;
            for (int from = 0; from < count; from += batchSize) {
                HttpResponse<String> r = send(post("/api/v1/events/" + f.slug + "/scans/batch",
                        Map.of("scans", all.subList(from, Math.min(count, from + batchSize)))));
                errors += r.statusCode() == 200 ? 0 : 1;
            }
            double s = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "offline drain: %,d scans in batches of %,d: %.2f s (%,.0f scans/s), %d failed batches%n",
                    count, batchSize, s, count / s, errors);
        }
        System.out.println();
    }

    /** Registration rush: N people press "register" at once for the last seats of an event. */
    private void registrationRush(int people, int seats) throws Exception {
        String slug = "rush-" + UUID.randomUUID().toString().substring(0, 6);
        Map<String, Object> event = event(slug, seats);
        check(send(post("/api/v1/events", event)), 201, "create event");
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        Histogram h = new ConcurrentHistogram(3);
        List<SyntheticDelegate> crowd = new DelegateGenerator(500).generate(people);
        long start = System.nanoTime();
        for (int i = 0; i < people; i++) {
            long sent = System.nanoTime();
            HttpRequest r = HttpRequest.newBuilder(base.resolve("/api/v1/events/" + slug + "/registrations"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json(delegate(crowd.get(i))))).build();
            calls.add(client.sendAsync(r, HttpResponse.BodyHandlers.ofString())
                    .whenComplete((x, e) -> h.recordValue((System.nanoTime() - sent) / 1000)));
        }
        Map<String, Integer> outcome = new LinkedHashMap<>();
        for (CompletableFuture<HttpResponse<String>> c : calls) {
            HttpResponse<String> r = c.get(120, TimeUnit.SECONDS);
            String key = r.statusCode() == 201 ? JSON.readTree(r.body()).path("status").asText() : "HTTP " + r.statusCode();
            outcome.merge(key, 1, Integer::sum);
        }
        double s = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "registration rush: %d at once for %d seats: %.2f s, outcomes %s, latency %s%n%n",
                people, seats, s, outcome, percentiles(h));
    }

    /** Badge PDFs: one delegate's badge, then every delegate's badges in one print-ready file. */
    private void badges(Forum f) throws Exception {
        HttpResponse<byte[]> probe = sendBytes(get("/api/v1/registrations/" + f.ids.get(0) + "/badge.pdf").build());
        if (probe.statusCode() != 200) {
            System.out.printf("badge PDFs: skipped (badge.pdf answered %d)%n%n", probe.statusCode());
            return;
        }
        Histogram h = new Histogram(3);
        for (int i = 1; i <= 100; i++) {
            long t = System.nanoTime();
            HttpResponse<byte[]> r = sendBytes(get("/api/v1/registrations/" + f.ids.get(i % f.ids.size()) + "/badge.pdf").build());
            h.recordValue((System.nanoTime() - t) / 1000);
            check(r, 200, "badge.pdf");
        }
        System.out.printf(Locale.ROOT, "badge PDF, one delegate, 100 in a row: %s%n", percentiles(h));
        long t = System.nanoTime();
        HttpResponse<InputStream> bulk = client.send(get("/api/v1/events/" + f.slug + "/badges.pdf").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        long bytes;
        try (InputStream in = bulk.body()) {
            bytes = in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        System.out.printf(Locale.ROOT, "badges.pdf, all %,d delegates: HTTP %d, %.2f s, %.1f MB%n%n", f.ids.size(),
                bulk.statusCode(), (System.nanoTime() - t) / 1e9, bytes / 1e6);
    }

    /** Export of a large event: imports the delegates once (reused by slug), then times the CSV. */
    private void export(int count) throws Exception {
        String slug = options.getOrDefault("export-event", "bench-export-" + count);
        if (send(get("/api/v1/events/" + slug).build()).statusCode() == 404) {
            check(send(post("/api/v1/events", event(slug, count + 10))), 201, "create export event");
            long t = System.nanoTime();
            importDelegates(slug, count, 0);
            System.out.printf(Locale.ROOT, "  (imported %,d delegates for the export in %.0f s)%n", count, (System.nanoTime() - t) / 1e9);
        }
        for (String path : new String[] {"delegates.csv", "delegates.csv?groupBy=country", "delegates.xlsx"}) {
            long t = System.nanoTime();
            HttpResponse<InputStream> r = client.send(get("/api/v1/events/" + slug + "/exports/" + path).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            long bytes;
            try (InputStream in = r.body()) {
                bytes = in.transferTo(java.io.OutputStream.nullOutputStream());
            }
            System.out.printf(Locale.ROOT, "export %s of %,d delegates: HTTP %d, %.2f s, %.1f MB%n", path, count,
                    r.statusCode(), (System.nanoTime() - t) / 1e9, bytes / 1e6);
        }
        System.out.println();
    }

    // ---- set-up ----------------------------------------------------------------------------------

    private record Forum(String slug, List<String> sessions, List<String> ids, List<String> codes) {
    }

    /** An event with an entrance and eight sessions, and delegates imported and confirmed. */
    private Forum forum(String slug, int delegates) throws Exception {
        long t = System.nanoTime();
        Map<String, Object> e = event(slug, delegates + 100);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES);
        List<Map<String, Object>> sessions = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        codes.add("");
        for (int i = 1; i <= 8; i++) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("code", "S" + i);
            s.put("title", "Session " + i);
            s.put("type", i == 1 ? "PLENARY" : "PANEL");
            s.put("room", "Room " + i);
            s.put("startsAt", now.minusHours(1).toString());
            s.put("endsAt", now.plusHours(10).toString());
            s.put("capacity", null);
            s.put("requiresRegistration", false);
            sessions.add(s);
            codes.add("S" + i);
        }
        e.put("sessions", sessions);
        check(send(post("/api/v1/events", e)), 201, "create event");
        List<String> ids = importDelegates(slug, delegates, 1);
        List<String> badgeCodes = new ArrayList<>(ids.size());
        int missing = 0;
        for (String id : ids) {
            JsonNode view = JSON.readTree(check(send(get("/api/v1/registrations/" + id).build()), 200, "registration").body());
            String code = view.path("badge").path("code").asText(null);
            if (code == null) {
                missing++;
                code = "NO-BADGE-" + id;
            }
            badgeCodes.add(code);
        }
        System.out.printf(Locale.ROOT, "set-up: event %s with 8 sessions and %,d confirmed delegates in %.1f s%s%n%n", slug,
                ids.size(), (System.nanoTime() - t) / 1e9,
                missing == 0 ? "" : " — " + missing + " have no badge code, so their scans answer INVALID_CODE");
        return new Forum(slug, codes, ids, badgeCodes);
    }

    private List<String> importDelegates(String slug, int count, int seed) throws Exception {
        List<String> ids = new ArrayList<>(count);
        DelegateGenerator generator = new DelegateGenerator(seed);
        for (int from = 0; from < count; from += 5000) {
            StringBuilder csv = new StringBuilder();
            DelegateGenerator.writeCsv(generator.generate(Math.min(5000, count - from)), csv);
            HttpRequest r = HttpRequest.newBuilder(base.resolve("/api/v1/events/" + slug + "/registrations/import"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "text/csv")
                    .timeout(Duration.ofMinutes(30))
                    .POST(HttpRequest.BodyPublishers.ofString(csv.toString(), StandardCharsets.UTF_8)).build();
            JsonNode report = JSON.readTree(check(send(r), 200, "import").body());
            for (JsonNode row : report.path("report")) {
                if (row.hasNonNull("id")) {
                    ids.add(row.path("id").asText());
                }
            }
        }
        return ids;
    }

    private static Map<String, Object> delegate(SyntheticDelegate d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("givenName", d.givenName());
        m.put("familyName", d.familyName());
        m.put("nativeName", d.nativeName());
        m.put("jobTitle", d.jobTitle());
        m.put("organization", d.organization());
        m.put("country", d.country());
        m.put("email", d.email());
        m.put("phone", d.phone());
        m.put("category", d.category());
        m.put("language", d.language());
        m.put("consent", true);
        m.put("sessions", List.of());
        return m;
    }

    private static Map<String, Object> event(String slug, int capacity) {
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.HOURS).minusHours(2);
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("slug", slug);
        e.put("name", "Benchmark " + slug);
        e.put("city", "Shanghai");
        e.put("venue", "Hall");
        e.put("startsAt", start.toString());
        e.put("endsAt", start.plusDays(2).toString());
        e.put("timeZone", "Asia/Shanghai");
        e.put("capacity", capacity);
        e.put("sessions", List.of());
        return e;
    }

    // ---- load drivers ----------------------------------------------------------------------------

    private record Result(long ok, long errors, double seconds, Histogram latency) {
        double throughput() {
            return ok / seconds;
        }
    }

    /** Back-to-back callers: the most the server does for this request. */
    private Result closed(String name, int callers, int seconds, IntFunction<HttpRequest> next) throws Exception {
        Histogram h = new ConcurrentHistogram(3);
        AtomicLong ok = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong seq = new AtomicLong();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long warm = System.nanoTime() + TimeUnit.SECONDS.toNanos(Math.min(3, seconds / 4));
        long[] measuredFrom = {0};
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < callers; c++) {
            Thread t = new Thread(() -> {
                while (System.nanoTime() < end) {
                    long s = System.nanoTime();
                    boolean good;
                    try {
                        good = client.send(next.apply((int) seq.getAndIncrement()), HttpResponse.BodyHandlers.discarding())
                                .statusCode() == 200;
                    } catch (Exception e) {
                        good = false;
                    }
                    if (s >= warm) {
                        h.recordValue((System.nanoTime() - s) / 1000);
                        (good ? ok : errors).incrementAndGet();
                    }
                }
            });
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        measuredFrom[0] = Math.max(start, warm);
        Result r = new Result(ok.get(), errors.get(), (System.nanoTime() - measuredFrom[0]) / 1e9, h);
        System.out.printf(Locale.ROOT, "%s, %d callers, %d s: %,.0f/s, errors %d, latency %s%n", name, callers, seconds,
                r.throughput(), r.errors(), percentiles(h));
        return r;
    }

    /** Fixed arrival rate; latency counts from the intended send time. */
    private Result open(String name, int rate, int seconds, IntFunction<HttpRequest> next) throws Exception {
        Histogram h = new ConcurrentHistogram(3);
        AtomicLong ok = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long total = (long) rate * seconds;
        List<CompletableFuture<?>> inFlight = new ArrayList<>();
        long start = System.nanoTime();
        double interval = 1e9 / rate;
        for (long i = 0; i < total; i++) {
            long intended = start + (long) (i * interval);
            long wait = intended - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            inFlight.add(client.sendAsync(next.apply((int) i), HttpResponse.BodyHandlers.discarding())
                    .whenComplete((r, e) -> {
                        h.recordValue(Math.max(0, (System.nanoTime() - intended) / 1000));
                        (e == null && r.statusCode() == 200 ? ok : errors).incrementAndGet();
                    }));
        }
        for (CompletableFuture<?> f : inFlight) {
            try {
                f.get(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                // counted in errors
            }
        }
        double s = (System.nanoTime() - start) / 1e9;
        Result r = new Result(ok.get(), errors.get(), s, h);
        System.out.printf(Locale.ROOT, "%s for %d s: sent %,d, done %,.0f/s, errors %d, latency from intended send %s%n",
                name, seconds, total, r.throughput(), r.errors(), percentiles(h));
        return r;
    }

    private static String percentiles(Histogram h) {
        return String.format(Locale.ROOT, "p50 %.1f ms, p99 %.1f ms, p99.9 %.1f ms, max %.1f ms",
                h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(99) / 1000.0,
                h.getValueAtPercentile(99.9) / 1000.0, h.getMaxValue() / 1000.0);
    }

    // ---- HTTP ------------------------------------------------------------------------------------

    private HttpRequest scanRequest(String slug, String code, String session, String device, String nonce) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("session", session.isEmpty() ? null : session);
        body.put("direction", "IN");
        body.put("deviceId", device);
        body.put("nonce", nonce);
        return post("/api/v1/events/" + slug + "/scans", body);
    }

    private String login(String user, String password) throws Exception {
        if (password == null) {
            throw new IllegalArgumentException("--password=<the organizer's password> is required");
        }
        HttpRequest r = HttpRequest.newBuilder(base.resolve("/api/v1/auth/login")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(Map.of("username", user, "password", password)))).build();
        return JSON.readTree(check(send(r), 200, "sign-in").body()).path("token").asText();
    }

    private HttpRequest.Builder get(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofMinutes(5)).GET();
        return token == null ? b : b.header("Authorization", "Bearer " + token);
    }

    private HttpRequest post(String path, Object body) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofMinutes(5))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(body))).build();
    }

    private HttpResponse<String> send(HttpRequest r) throws IOException, InterruptedException {
        return client.send(r, HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(HttpRequest.Builder r) throws IOException, InterruptedException {
        return send(r.build());
    }

    private HttpResponse<byte[]> sendBytes(HttpRequest r) throws IOException, InterruptedException {
        return client.send(r, HttpResponse.BodyHandlers.ofByteArray());
    }

    private static <T> HttpResponse<T> check(HttpResponse<T> r, int status, String what) {
        if (r.statusCode() != status) {
            throw new IllegalStateException(what + " answered " + r.statusCode() + ": " + r.body());
        }
        return r;
    }

    private static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
