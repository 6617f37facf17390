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
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
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
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.forumpass.ops.AppProcess;
import org.forumpass.ops.LocalMariaDb;
import org.forumpass.seed.DelegateGenerator;
import org.forumpass.seed.SyntheticDelegate;

/**
 * The load harness: drives a ForumPass server over HTTP and prints throughput, latency percentiles and
 * errors per scenario, then every figure again as the rows of the table in docs/benchmarks.md.
 *
 * <p>With {@code start} it brings up what it measures: a MariaDB server of its own (a fresh data directory
 * under {@code target/bench}, see {@link LocalMariaDb}) and the packaged app on it with the heap capped at
 * 256 MB ({@link AppProcess}), so that start-up time and memory are measured too. Without it, it drives the
 * server at {@code url=} with the organizer password {@code password=}.
 *
 * <pre>
 * ./mvnw -Pmariadb,bench -DskipTests package exec:java -Dbench.args="start"
 * ./mvnw -Pbench test-compile exec:java -Dbench.args="url=http://localhost:8080 password=... scenarios=live,scan"
 * ./mvnw -Pmariadb,bench -DskipTests package exec:java -Dbench.args="start scenarios=roster warmup=0"
 * </pre>
 *
 * Open-model runs send at a fixed arrival rate and count each latency from the request's due time, so a
 * stalled server cannot hide its stall (no coordinated omission). Closed-model runs (callers back to back)
 * find the most a request does; the liveness endpoint measured the same way is the denominator of the ratio.
 */
public final class LoadHarness {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> ALL = List.of("live", "scan", "drain", "register", "badges", "export", "crypto", "flat", "import", "rush");

    private final Map<String, String> options;
    private final HttpClient http;
    private final List<String[]> figures = new ArrayList<>();
    private URI base;
    private String token;
    private double liveThroughput;
    private AppProcess app;
    private LocalMariaDb db;
    private SmtpSink smtp;
    private Load load;

    private LoadHarness(Map<String, String> options) {
        this.options = options;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(4, r -> {
                    Thread t = new Thread(r, "bench-setup-http");
                    t.setDaemon(true);
                    return t;
                })).connectTimeout(Duration.ofSeconds(5)).build();
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
        int exit = 0;
        try {
            h.run();
        } catch (Exception e) {
            e.printStackTrace();
            exit = 1;
        } finally {
            h.close();
        }
        System.exit(exit);
    }

    private int opt(String name, int def) {
        return Integer.parseInt(options.getOrDefault(name, Integer.toString(def)));
    }

    private void run() throws Exception {
        if ("startup".equals(options.get("scenarios"))) { // issue 18: launch to readiness, on a stack of its own
            StartupBench.run(options);
            return;
        }
        String password = options.get("password");
        if (options.containsKey("start")) {
            password = startStack();
        } else {
            base = URI.create(options.getOrDefault("url", "http://localhost:8080"));
        }
        load = new Load(base, opt("connections", 64));
        token = login(options.getOrDefault("user", "admin"), password);
        String list = options.getOrDefault("scenarios", "all");
        List<String> scenarios = list.equals("all") ? ALL : List.of(list.split(","));
        System.out.printf(Locale.ROOT, "ForumPass load harness against %s, %d cores here, scenarios %s%n%n", base,
                Runtime.getRuntime().availableProcessors(), scenarios);
        int callers = opt("callers", 32);
        int seconds = opt("seconds", 15);
        Forum forum = null;
        if (scenarios.contains("scan") || scenarios.contains("drain") || scenarios.contains("badges")) {
            forum = options.containsKey("forum") ? existingForum(options.get("forum"))
                    : forum("bench-" + UUID.randomUUID().toString().substring(0, 6), opt("delegates", 3000));
        }
        int warmup = opt("warmup", 10);
        if (warmup > 0) { // the JIT compiles the hot paths before anything is counted
            load.closed("warm-up", callers, warmup, i -> Load.Req.get("/q/health/live", null));
            if (forum != null) {
                Forum f = forum("bench-warm-" + UUID.randomUUID().toString().substring(0, 6), 200);
                load.closed("warm-up", callers, warmup, scans(f));
            }
            System.out.printf(Locale.ROOT, "warm-up: %d s of liveness and %d s of scans, not counted%n%n", warmup, warmup);
        }
        Load.Result live = load.closed("liveness GET /q/health/live", callers, seconds, i -> Load.Req.get("/q/health/live", null));
        print(live, "closed model, " + callers + " callers");
        liveThroughput = live.throughput();
        figure("liveness, closed model, " + callers + " callers", String.format(Locale.ROOT, "%,.0f req/s", liveThroughput));
        if (scenarios.contains("scan")) {
            scanRush(forum, callers, seconds);
        }
        if (scenarios.contains("drain")) {
            drain(forum, opt("drain", 10_000));
        }
        if (scenarios.contains("register")) {
            registrationRush(opt("rush", 500), opt("seats", 10));
        }
        if (scenarios.contains("rush")) { // issue 18: registrations at a sustained rate, see RushBench
            long before = smtp == null ? 0 : smtp.mails();
            new RushBench(base, token, http, this::figure, options, app == null ? -1 : app.pid(), db == null ? -1 : db.pid()).run(liveThroughput);
            mailsSettle("registration rush", before);
        }
        if (scenarios.contains("badges")) {
            badges(forum);
        }
        if (scenarios.contains("export")) {
            export(opt("export-delegates", 100_000));
        }
        if (scenarios.contains("crypto")) {
            crypto();
        }
        if (scenarios.contains("roster")) { // not in "all": it imports and photographs 10,000 delegates
            Forum f = forum("bench-roster-" + UUID.randomUUID().toString().substring(0, 6), opt("roster-delegates", 10_000));
            new RosterBench(base, token, http, this::figure).run(f.slug(), f.ids(), f.codes(), opt("roster-verdicts", 200));
        }
        if (scenarios.contains("flat")) {
            flat(callers, opt("flat-small", 3000), opt("flat-large", 100_000), opt("flat-seconds", 10));
        }
        if (scenarios.contains("import")) { // issue 18's import of 10,000 delegates, again, and with bad rows
            long before = smtp == null ? 0 : smtp.mails();
            new ImportBench(base, token, http, this::figure).run(opt("import-rows", 10_000));
            mailsSettle("import", before);
        }
        if (smtp != null) {
            System.out.printf(Locale.ROOT, "mails the app sent to the harness's SMTP sink: %,d%n", smtp.mails());
            figure("mails sent over SMTP during the run (to the harness's sink)", String.format(Locale.ROOT, "%,d", smtp.mails()));
        }
        if (app != null) {
            figure("memory (RSS) of the app, -Xmx256m, at the end of the run", app.rssKb() / 1024 + " MB");
            int idle = opt("idle-seconds", 15);
            Thread.sleep(idle * 1000L); // what a replica holds once the rush is over
            figure("memory (RSS) of the app, -Xmx256m, after " + idle + " s idle at the end", app.rssKb() / 1024 + " MB");
        }
        if (app != null && options.containsKey("nmt")) { // with jvm=-XX:NativeMemoryTracking=summary: where the RSS goes
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), Long.toString(app.pid()), "VM.native_memory", "summary").redirectErrorStream(true)
                    .start();
            System.out.println(new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        }
        System.out.println("\n| what | figure |\n|---|---|");
        for (String[] f : figures) {
            System.out.println("| " + f[0] + " | " + f[1] + " |");
        }
    }

    private void figure(String what, String value) {
        figures.add(new String[] {what, value});
    }

    // ---- the stack under test ---------------------------------------------------------------------------

    /** A MariaDB of the harness's own and the packaged app on it; answers the organizer password. */
    private String startStack() throws Exception {
        Path dir = Path.of(options.getOrDefault("dir", "target/bench")).toAbsolutePath();
        deleteTree(dir);
        Path jar = AppProcess.defaultJar();
        String builtFor = AppProcess.builtFor(jar);
        if (!builtFor.equals("mariadb") && !builtFor.equals("mysql")) {
            throw new IllegalStateException(jar + " was built for " + builtFor + "; build it with -Pmariadb (or -Pmysql)");
        }
        long t = System.nanoTime();
        db = LocalMariaDb.create(dir.resolve("db")).start();
        System.out.printf(Locale.ROOT, "MariaDB of the harness's own on port %d, ready in %.1f s%n", db.port(),
                (System.nanoTime() - t) / 1e9);
        String url = builtFor.equals("mariadb") ? db.jdbcUrl() : db.jdbcUrl().replace("jdbc:mariadb:", "jdbc:mysql:");
        options.putIfAbsent("jdbc", db.jdbcUrl());
        String heap = options.getOrDefault("heap", "256m");
        smtp = new SmtpSink(); // mails are sent as in production, to a server that keeps none (not into the mock mailbox)
        // cds=trained: the first start writes a class-data archive of itself as it stops, and the second reads it, as
        // docs/operations.md ("Start-up") tells a production host to do; otherwise both read the one package wrote
        boolean trained = options.getOrDefault("cds", "package").equals("trained");
        Path trainedArchive = dir.resolve("trained-app-cds.jsa");
        List<String> firstArgs = new ArrayList<>(List.of(jvmArgs(heap)));
        List<String> againArgs = new ArrayList<>(firstArgs);
        if (trained) {
            firstArgs.addAll(List.of("-XX:ArchiveClassesAtExit=" + trainedArchive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
            againArgs.add("-XX:SharedArchiveFile=" + trainedArchive);
        }
        long launched = System.nanoTime();
        app = startApp(jar, dir, url, firstArgs);
        double ready = (System.nanoTime() - launched) / 1e9;
        String started = lastStartedIn(app);
        System.out.printf(Locale.ROOT, "%s on an empty schema (migrations, first organizer): ready in %.1f s, Quarkus \"started in\" %s s%n",
                app, ready, started);
        figure("start of the packaged app (-Pmariadb) on an empty MariaDB schema: process launch to readiness UP",
                String.format(Locale.ROOT, "%.1f s (Quarkus \"started in\" %s s)", ready, started));
        app.stop();
        if (trained && !Files.isRegularFile(trainedArchive)) {
            throw new IllegalStateException("cds=trained: the first start wrote no " + trainedArchive);
        }
        launched = System.nanoTime();
        app = startApp(jar, dir, url, againArgs);
        ready = (System.nanoTime() - launched) / 1e9;
        started = lastStartedIn(app);
        figure("start again on the existing schema, " + (trained ? "with the archive the first start wrote as it stopped"
                : "with the archive package wrote"), String.format(Locale.ROOT, "%.1f s (Quarkus \"started in\" %s s)", ready, started));
        figure("memory (RSS) of the app, -Xmx" + heap + ", idle after start", settledRssKb(app) / 1024 + " MB");
        base = app.uri();
        return AppProcess.ADMIN_PASSWORD;
    }

    /**
     * The app sends its mails over SMTP to the harness's sink (mailer.mock=false), as a production app does; {@code
     * app-env=KEY=value|KEY=value} adds variables to its environment (e.g. {@code MALLOC_ARENA_MAX=2}, as deploy/ sets).
     */
    private AppProcess.Builder configured(AppProcess.Builder b) {
        b.env("QUARKUS_MAILER_MOCK", "false").env("QUARKUS_MAILER_HOST", "127.0.0.1")
                .env("QUARKUS_MAILER_PORT", Integer.toString(smtp.port()));
        for (String kv : options.getOrDefault("app-env", "").split("\\|")) {
            int eq = kv.indexOf('=');
            if (eq > 0) {
                b.env(kv.substring(0, eq).trim(), kv.substring(eq + 1));
            }
        }
        return b;
    }

    /** The app's RSS once it holds still (two readings half a second apart within 1 MB), or after 15 s. */
    private static long settledRssKb(AppProcess app) {
        long[] previous = {-1};
        try {
            org.awaitility.Awaitility.await().pollDelay(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(500))
                    .atMost(Duration.ofSeconds(15)).until(() -> {
                        long now = app.rssKb();
                        boolean still = previous[0] >= 0 && Math.abs(now - previous[0]) < 1024;
                        previous[0] = now;
                        return still;
                    });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            System.out.println("    (the app's RSS was still moving after 15 s; taking the last reading)");
        }
        return app.rssKb();
    }

    /** The packaged app on the harness's MariaDB, sending its mails to the harness's sink. */
    private AppProcess startApp(Path jar, Path dir, String url, List<String> jvm) throws Exception {
        return configured(AppProcess.builder(jar, dir.resolve("app")).name("bench")
                .database(url, LocalMariaDb.USER, LocalMariaDb.PASSWORD)
                .env("QUARKUS_HTTP_ACCESS_LOG_ENABLED", options.getOrDefault("access-log", "true"))
                .jvmArgs(jvm.toArray(String[]::new)))
                .start();
    }

    /** Quarkus's "started in" of the app's latest start (its log is appended to by each start). */
    private static String lastStartedIn(AppProcess app) throws IOException {
        return Files.readAllLines(app.log()).stream().filter(l -> l.contains("started in"))
                .map(l -> l.replaceAll(".*started in ([0-9.]+)s.*", "$1")).reduce((first, second) -> second).orElse("?");
    }

    /** The heap cap and any extra JVM options of {@code jvm=} (separated by {@code |}), e.g. a JFR recording. */
    private String[] jvmArgs(String heap) {
        List<String> args = new ArrayList<>(List.of("-Xmx" + heap));
        String extra = options.getOrDefault("jvm", "").trim();
        if (!extra.isEmpty()) {
            args.addAll(List.of(extra.split("\\|")));
        }
        return args.toArray(String[]::new);
    }

    private void close() {
        if (load != null) {
            load.close();
        }
        if (app != null) {
            app.close();
        }
        if (db != null) {
            db.close();
        }
        if (smtp != null) {
            smtp.close();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    // ---- scenarios -----------------------------------------------------------------------------

    /** Scan rush: 40 devices, thousands of delegates, every tenth scan a repeat of one already made at that door. */
    private void scanRush(Forum f, int callers, int seconds) throws Exception {
        IntFunction<Load.Req> scan = scans(f);
        double[] groupsBefore = groupSizes();
        Load.Result max = withRss(() -> load.closed("scan rush, closed model (" + f.codes.size()
                + " delegates, " + (f.sessions.size() - 1) + " sessions and the entrance, 10% repeats)", callers, seconds, scan));
        print(max, callers + " callers");
        double ratio = 100 * max.throughput() / liveThroughput;
        System.out.printf(Locale.ROOT, "    scans / liveness throughput = %.1f%%%n", ratio);
        double[] groupsAfter = groupSizes();
        if (groupsAfter[0] > groupsBefore[0]) {
            System.out.printf(Locale.ROOT, "    scans per group settled by a lane (warm-up included): %.1f on average%n",
                    (groupsAfter[1] - groupsBefore[1]) / (groupsAfter[0] - groupsBefore[0]));
        }
        System.out.println();
        figure("door scans, closed model, " + callers + " callers, " + f.codes.size() + " delegates, 10 % repeats",
                String.format(Locale.ROOT, "%,.0f scans/s, %s, errors %d (%.1f %% of liveness)", max.throughput(),
                        max.percentiles(), max.errors(), ratio));
        for (String r : options.getOrDefault("rates", "1000,2000").split(",")) {
            int rate = Integer.parseInt(r.trim());
            Load.Result open = withRss(() -> load.open("scan rush, open model at " + rate + "/s", rate, seconds, scan));
            print(open, "open model, " + rate + "/s for " + seconds + " s, latency from due time");
            boolean sustained = open.errors() == 0 && open.ok() == (long) rate * seconds && open.seconds() < seconds + 1.0;
            figure("door scans, open model at " + String.format(Locale.ROOT, "%,d", rate) + "/s for " + seconds + " s",
                    String.format(Locale.ROOT, "%s: %,d of %,d answered 200 in %.1f s; latency from due time %s",
                            sustained ? "sustained" : "NOT sustained", open.ok(), (long) rate * seconds, open.seconds(),
                            open.percentiles()));
        }
        if (app != null) {
            figure("memory (RSS) of the app, -Xmx256m, peak during the scan rush", peakRss.get() / 1024 + " MB");
        }
    }

    /**
     * Door scans as a rush makes them: nine in ten are a delegate's first scan at a door (each (delegate,
     * door) pair once, in random order, across every phase of the run), one in ten is a repeat of a recent
     * scan at the same door. Each door has two devices. Rooms whose number ends in 0 have a capacity (large
     * enough never to fill), so their scans go through the room counter as well.
     */
    private IntFunction<Load.Req> scans(Forum f) {
        int doors = f.sessions.size();
        int pairs = f.codes.size() * doors;
        int[] order = new int[pairs];
        for (int i = 0; i < pairs; i++) {
            order[i] = i;
        }
        Random random = new Random(7);
        for (int i = pairs - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int[] recent = new int[1024];
        int[] counts = new int[2]; // first scans made, scans made
        return i -> {
            int n = counts[1]++;
            int pair;
            if (n % 10 == 9 && counts[0] > 0) {
                pair = recent[(counts[0] - 1 - random.nextInt(Math.min(counts[0], recent.length))) % recent.length];
            } else {
                pair = order[counts[0] % pairs];
                recent[counts[0] % recent.length] = pair;
                counts[0]++;
                if (counts[0] == pairs && !f.slug.startsWith("bench-warm")) {
                    System.out.printf("    (every delegate has been scanned at every door; from here on scans are repeats)%n");
                }
            }
            int delegate = pair / doors;
            int door = pair % doors;
            return Load.Req.post("/api/v1/events/" + f.slug + "/scans", json(scanBody(f.codes.get(delegate), f.sessions.get(door),
                    "door-" + door + (delegate % 2 == 0 ? "a" : "b"), UUID.randomUUID().toString())), token);
        };
    }

    /** Count and sum of the server's {@code forumpass_scan_group_size} summary (both 0 when metrics are unavailable). */
    private double[] groupSizes() {
        double[] v = new double[2];
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("/q/metrics")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            for (String line : r.body().split("\n")) {
                if (line.startsWith("forumpass_scan_group_size_count")) {
                    v[0] += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                } else if (line.startsWith("forumpass_scan_group_size_sum")) {
                    v[1] += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
        } catch (IOException | RuntimeException e) {
            return new double[2];
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return v;
    }

    private final AtomicLong peakRss = new AtomicLong();

    private interface Run {
        Load.Result run() throws Exception;
    }

    /** Runs {@code r} while sampling the app's resident memory every half second (when the harness started it). */
    private Load.Result withRss(Run r) throws Exception {
        if (app == null) {
            return r.run();
        }
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(() -> peakRss.accumulateAndGet(app.rssKb(), Math::max), 0, 500, TimeUnit.MILLISECONDS);
        try {
            return r.run();
        } finally {
            sampler.shutdownNow();
        }
    }

    /** Offline drain: a device uploads 10,000 queued scans, in the door page's batches of 500 and as one batch. */
    private void drain(Forum f, int count) throws Exception {
        for (int batchSize : new int[] {500, count}) {
            List<Map<String, Object>> all = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Map<String, Object> s = scanBody(f.codes.get(i % f.codes.size()), f.sessions.get(i / f.codes.size() % f.sessions.size()),
                        "offline-" + batchSize, UUID.randomUUID().toString());
                s.put("scannedAt", OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(30).toString());
                all.add(s);
            }
            List<String> bodies = new ArrayList<>();
            for (int from = 0; from < count; from += batchSize) {
                bodies.add(json(Map.of("scans", all.subList(from, Math.min(count, from + batchSize)))));
            }
            long start = System.nanoTime();
            int errors = 0;
            int answered = 0;
            for (String body : bodies) {
                HttpResponse<String> r = send(postJson("/api/v1/events/" + f.slug + "/scans/batch", body));
                if (r.statusCode() == 200) {
                    answered += JSON.readTree(r.body()).path("results").size();
                } else {
                    errors++;
                }
            }
            double s = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "offline drain: %,d scans in batches of %,d: %.2f s (%,.0f scans/s), %,d answered, %d failed batches%n",
                    count, batchSize, s, count / s, answered, errors);
            figure(String.format(Locale.ROOT, "%,d offline scans through /scans/batch in batches of %,d", count, batchSize),
                    String.format(Locale.ROOT, "%.2f s (%,.0f scans/s), %,d answered, %d failed batches", s, count / s, answered,
                            errors));
        }
        System.out.println();
    }

    /**
     * After a scenario that queued many mails: how long after its end the app's outbox has handed them all to the
     * sink (no new mail for 5 s; the app defers mails while the machine is busy, see MailOutbox).
     */
    private void mailsSettle(String scenario, long before) throws InterruptedException {
        if (smtp == null) {
            return;
        }
        long start = System.nanoTime();
        long lastChange = mailsQuiet();
        String figure = String.format(Locale.ROOT, "%,d mails, the last %.1f s after the scenario's end", smtp.mails() - before,
                (lastChange - start) / 1e9);
        System.out.printf(Locale.ROOT, "%s: %s%n%n", scenario, figure);
        figure("mails of the " + scenario + " delivered to the SMTP sink", figure);
    }

    /** Waits until the SMTP sink has had no mail for 5 s (at most 10 minutes); returns when the last one came. */
    private long mailsQuiet() throws InterruptedException {
        long start = System.nanoTime();
        long last = smtp.mails();
        long lastChange = start;
        while (System.nanoTime() - lastChange < 5_000_000_000L && System.nanoTime() - start < 600_000_000_000L) {
            Thread.sleep(200);
            long n = smtp.mails();
            if (n != last) {
                last = n;
                lastChange = System.nanoTime();
            }
        }
        return lastChange;
    }

    /** Registration rush: N people press "register" at once for the last seats of an event. */
    private void registrationRush(int people, int seats) throws Exception {
        String slug = "rush-" + UUID.randomUUID().toString().substring(0, 6);
        check(send(post("/api/v1/events", event(slug, seats))), 201, "create event");
        List<SyntheticDelegate> crowd = new DelegateGenerator(500).generate(people);
        List<String> bodies = crowd.stream().map(d -> json(delegate(d))).toList();
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        Histogram h = new ConcurrentHistogram(3);
        long start = System.nanoTime();
        for (int i = 0; i < people; i++) {
            long sent = System.nanoTime();
            HttpRequest r = HttpRequest.newBuilder(base.resolve("/api/v1/events/" + slug + "/registrations"))
                    .header("Content-Type", "application/json").timeout(Duration.ofMinutes(2))
                    .POST(HttpRequest.BodyPublishers.ofString(bodies.get(i))).build();
            calls.add(http.sendAsync(r, HttpResponse.BodyHandlers.ofString())
                    .whenComplete((x, e) -> h.recordValue((System.nanoTime() - sent) / 1000)));
        }
        Map<String, Integer> outcome = new LinkedHashMap<>();
        for (CompletableFuture<HttpResponse<String>> c : calls) {
            HttpResponse<String> r = c.get(180, TimeUnit.SECONDS);
            String key = r.statusCode() == 201 ? JSON.readTree(r.body()).path("status").asText() : "HTTP " + r.statusCode();
            outcome.merge(key, 1, Integer::sum);
        }
        double s = (System.nanoTime() - start) / 1e9;
        JsonNode stats = JSON.readTree(check(send(get("/api/v1/events/" + slug + "/stats")), 200, "stats").body());
        // seat holders: CONFIRMED, and PENDING in the generator's categories that need an approval (they hold their seat)
        int confirmed = stats.path("registrations").path("byStatus").path("CONFIRMED").asInt()
                + stats.path("registrations").path("byStatus").path("PENDING").asInt();
        System.out.printf(Locale.ROOT, "registration rush: %d at once for %d seats: %.2f s, outcomes %s, %d seats taken in the stats (confirmed or pending), latency %s%n%n",
                people, seats, s, outcome, confirmed, Load.percentiles(h));
        figure(String.format(Locale.ROOT, "%d simultaneous registrations for the last %d seats", people, seats),
                String.format(Locale.ROOT, "%.2f s; %s; %s", s, outcome, confirmed == seats
                        && outcome.getOrDefault("CONFIRMED", 0) + outcome.getOrDefault("PENDING", 0) == seats
                        ? "exactly " + seats + " seats taken (confirmed, or pending approval)" : "WRONG: " + confirmed + " seats taken"));
    }

    /** Badge PDFs: one delegate's badge, then every delegate's badges in one print-ready file. */
    private void badges(Forum f) throws Exception {
        Histogram h = new Histogram(3);
        long bytes = 0;
        for (int i = 0; i < 120; i++) {
            long t = System.nanoTime();
            HttpResponse<byte[]> r = http.send(get("/api/v1/registrations/" + f.ids.get(i % f.ids.size()) + "/badge.pdf"),
                    HttpResponse.BodyHandlers.ofByteArray());
            check(r, 200, "badge.pdf");
            if (i >= 20) { // the first twenty warm up
                h.recordValue((System.nanoTime() - t) / 1000);
                bytes += r.body().length;
            }
        }
        System.out.printf(Locale.ROOT, "badge PDF, one delegate, 100 in a row: %s, %.1f KB each%n", Load.percentiles(h), bytes / 100 / 1024.0);
        figure("one badge PDF, warm, 100 in a row", String.format(Locale.ROOT, "%s, %.0f KB each", Load.percentiles(h),
                bytes / 100 / 1024.0));
        long t = System.nanoTime();
        HttpResponse<InputStream> bulk = http.send(get("/api/v1/events/" + f.slug + "/badges.pdf"),
                HttpResponse.BodyHandlers.ofInputStream());
        double headers = (System.nanoTime() - t) / 1e9;
        long size;
        double first;
        try (InputStream in = bulk.body()) {
            int b = in.read(); // the time to the first byte of the body: a streamed PDF starts at once
            first = (System.nanoTime() - t) / 1e9;
            size = b < 0 ? 0 : 1 + in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        double s = (System.nanoTime() - t) / 1e9;
        System.out.printf(Locale.ROOT, "badges.pdf, all %,d delegates: HTTP %d, %.2f s, first byte after %.2f s (headers %.2f s), %.1f MB%n%n",
                f.ids.size(), bulk.statusCode(), s, first, headers, size / 1e6);
        figure(String.format(Locale.ROOT, "every badge of %,d delegates in one PDF (A6 pages)", f.ids.size()),
                String.format(Locale.ROOT, "HTTP %d, %.1f s, first byte %.2f s, %.1f MB", bulk.statusCode(), s, first, size / 1e6));
    }

    /**
     * Export of a large event. The delegates are imported through the API once (reused by slug); with a
     * database at hand ({@code jdbc=}, set by {@code start}), 5,000 are imported and copied in SQL up to
     * the count, since the import runs a whole registration per row.
     */
    private void export(int count) throws Exception {
        String slug = options.getOrDefault("export-event", "bench-export-" + count);
        if (send(get("/api/v1/events/" + slug)).statusCode() == 404) {
            check(send(post("/api/v1/events", event(slug, count + 10))), 201, "create export event");
            long t = System.nanoTime();
            String jdbc = options.get("jdbc");
            if (jdbc == null) {
                importDelegates(slug, count, 0);
            } else {
                int seed = Math.min(count, 5000);
                importDelegates(slug, seed, 0);
                copyDelegates(jdbc, slug, count);
            }
            System.out.printf(Locale.ROOT, "  (made %,d delegates for the export in %.0f s)%n", count, (System.nanoTime() - t) / 1e9);
        }
        for (String path : new String[] {"delegates.csv", "delegates.csv?groupBy=country", "delegates.xlsx"}) {
            long t = System.nanoTime();
            HttpResponse<InputStream> r = http.send(get("/api/v1/events/" + slug + "/exports/" + path),
                    HttpResponse.BodyHandlers.ofInputStream());
            long bytes;
            long lines = 0;
            try (InputStream in = r.body()) {
                byte[] buf = new byte[1 << 16];
                bytes = 0;
                for (int n; (n = in.read(buf)) > 0; ) {
                    bytes += n;
                    for (int i = 0; i < n; i++) {
                        lines += buf[i] == '\n' ? 1 : 0;
                    }
                }
            }
            double s = (System.nanoTime() - t) / 1e9;
            System.out.printf(Locale.ROOT, "export %s of %,d delegates: HTTP %d, %.2f s, %.1f MB%s%n", path, count,
                    r.statusCode(), s, bytes / 1e6, path.endsWith(".csv") ? String.format(Locale.ROOT, ", %,d lines", lines) : "");
            figure(String.format(Locale.ROOT, "export of %,d delegates, %s, app heap capped at %s", count, path,
                    options.getOrDefault("heap", "256m")), String.format(Locale.ROOT, "HTTP %d, %.2f s, %.1f MB", r.statusCode(), s,
                    bytes / 1e6));
        }
        System.out.println();
    }

    /** Copies the event's registrations in SQL (new public ids and e-mails) until it has {@code count}. */
    private static void copyDelegates(String jdbc, String slug, int count) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbc, LocalMariaDb.USER, LocalMariaDb.PASSWORD)) {
            long eventId;
            try (PreparedStatement ps = c.prepareStatement("select id from event where slug = ?")) {
                ps.setString(1, slug);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    eventId = rs.getLong(1);
                }
            }
            String cols = "event_id, status, holds_seat, given_name, family_name, native_name, job_title, organization,"
                    + " organization_key, country, phone, category, language, consent_at, consent_version, token_version,"
                    + " source, created_at, updated_at";
            for (int round = 1; ; round++) {
                int have;
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                        "select count(*) from registration where event_id = " + eventId)) {
                    rs.next();
                    have = rs.getInt(1);
                }
                if (have >= count) {
                    return;
                }
                try (Statement s = c.createStatement()) {
                    s.executeUpdate("insert into registration (public_id, email, email_key, " + cols + ") select"
                            + " concat('c" + round + "-', id, '-', substr(public_id, 1, 8)), concat('c" + round + "-', email),"
                            + " concat('c" + round + "-', email_key), " + cols + " from registration where event_id = " + eventId
                            + " order by id limit " + (count - have));
                }
            }
        }
    }

    /** Why the server keeps a digest per code instead of verifying signatures: one core, Ed25519 verify vs SHA-256. */
    private void crypto() throws Exception {
        KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] payload = new byte[15];
        new Random(1).nextBytes(payload);
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(keys.getPrivate());
        signer.update(payload);
        byte[] sig = signer.sign();
        Signature verifier = Signature.getInstance("Ed25519");
        int rounds = 3000;
        for (int i = 0; i < 500; i++) { // warm-up
            verifier.initVerify(keys.getPublic());
            verifier.update(payload);
            verifier.verify(sig);
        }
        long t = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            verifier.initVerify(keys.getPublic());
            verifier.update(payload);
            if (!verifier.verify(sig)) {
                throw new IllegalStateException("signature did not verify");
            }
        }
        double verifyMicros = (System.nanoTime() - t) / 1e3 / rounds;
        byte[] code = ("FP1." + "x".repeat(107)).getBytes(StandardCharsets.US_ASCII);
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        int hashRounds = 300_000;
        for (int i = 0; i < hashRounds; i++) { // warm-up
            sha.digest(code);
        }
        t = System.nanoTime();
        for (int i = 0; i < hashRounds; i++) {
            code[5] = (byte) i;
            sha.digest(code);
        }
        double hashMicros = (System.nanoTime() - t) / 1e3 / hashRounds;
        System.out.printf(Locale.ROOT, "Ed25519 verification %.0f µs (%,.0f/s on one core) vs SHA-256 of a code %.2f µs%n%n",
                verifyMicros, 1e6 / verifyMicros, hashMicros);
        figure("Ed25519 verification vs. the digest lookup's hash, one core, in the harness's JVM",
                String.format(Locale.ROOT, "%.0f µs per signature (%,.0f/s) vs %.2f µs per SHA-256 of a code", verifyMicros,
                        1e6 / verifyMicros, hashMicros));
    }

    /**
     * Flat cost: the same three measurements in an event of {@code small} delegates and in one of {@code large}
     * (imported like the small one, then copied in SQL with a badge each), alternated small, large, small, large
     * so that drift of the machine falls on both; each figure is the mean of its two rounds.
     */
    private static final int PDF_ROUNDS = 1020;

    private void flat(int callers, int small, int large, int seconds) throws Exception {
        String jdbc = options.get("jdbc");
        if (jdbc == null) {
            throw new IllegalStateException("the flat scenario copies delegates in SQL: give jdbc=<url> (start sets it)");
        }
        String tag = UUID.randomUUID().toString().substring(0, 6);
        long mailsBefore = smtp == null ? 0 : smtp.mails();
        Forum s = forum("bench-flat-" + small + "-" + tag, small, large + 100_000);
        Forum l = forum("bench-flat-" + large + "-" + tag, small, large + 100_000);
        long t = System.nanoTime();
        copyDelegates(jdbc, l.slug, large);
        copyBadges(jdbc, l.slug);
        System.out.printf(Locale.ROOT, "flat cost: %s grown to %,d delegates with a badge each in SQL in %.1f s%n", l.slug, large,
                (System.nanoTime() - t) / 1e9);
        Map<Forum, double[]> sums = new LinkedHashMap<>(); // scans/s, registrations/s, badge p50 ms, badge p99 ms
        sums.put(s, new double[4]);
        sums.put(l, new double[4]);
        Map<Forum, IntFunction<Load.Req>> scans = Map.of(s, scans(s), l, scans(l));
        Map<Forum, DelegateGenerator> people = Map.of(s, new DelegateGenerator(101), l, new DelegateGenerator(102));
        // the first two rounds (one per size) warm up and are not counted; the four counted go small, large, large,
        // small, and each starts once the mails of the ones before have left: while the machine is busy the app holds
        // mails back for 60 s, so from the fourth round on the rounds were measured beside the sender catching up, and
        // whichever size came last was the slower (small then large twice: the large event's registrations 28 %
        // slower in one run; small, large, large, small: the small event's 17 % slower in the next)
        for (int round = 0; round < 6; round++) {
            if (round > 0 && smtp != null) {
                mailsQuiet();
            }
            Forum f = round == 0 || round == 2 || round == 5 ? s : l;
            double[] sum = round < 2 ? new double[4] : sums.get(f);
            String size = String.format(Locale.ROOT, "%,d", f == s ? small : large) + (round < 2 ? " (warm-up)" : "");
            Load.Result scan = load.closed("flat cost, scans, " + size + " delegates", callers, seconds, scans.get(f));
            print(scan, callers + " callers");
            DelegateGenerator g = people.get(f);
            Load.Result reg = load.closed("flat cost, registrations, " + size + " delegates", callers, seconds, i -> {
                Map<String, Object> body = new LinkedHashMap<>(g.next().registrationBody());
                body.put("email", "flat-" + body.get("email"));
                return Load.Req.post("/api/v1/events/" + f.slug + "/registrations", json(body), null);
            });
            print(reg, callers + " callers");
            sum[0] += scan.throughput() / 2;
            sum[1] += reg.throughput() / 2;
        }
        // the registrations above left their mails in the outbox; the PDFs are timed once those have left (the sender
        // sends at full speed once the machine is idle, which would time the mails, not the badge), then one badge PDF
        // of each event in turn, so that what else the machine does weighs on both sizes alike: 1,000 each after 20
        // of warm-up, so that the p99 is the tenth-slowest, not one pause
        mailsSettle("flat-cost registrations", mailsBefore);
        Map<Forum, Histogram> pdf = Map.of(s, new Histogram(3), l, new Histogram(3));
        for (int i = 0; i < 2 * PDF_ROUNDS; i++) {
            Forum f = i % 2 == 0 ? s : l;
            int k = i / 2;
            long b = System.nanoTime();
            check(http.send(get("/api/v1/registrations/" + f.ids.get(k * 7 % f.ids.size()) + "/badge.pdf"),
                    HttpResponse.BodyHandlers.ofByteArray()), 200, "badge.pdf");
            if (k >= 20) {
                pdf.get(f).recordValue((System.nanoTime() - b) / 1000);
            }
        }
        for (Forum f : List.of(s, l)) {
            Histogram h = pdf.get(f);
            System.out.printf(Locale.ROOT, "flat cost, one badge PDF, %,d delegates: %s%n", f == s ? small : large, Load.percentiles(h));
            sums.get(f)[2] = h.getValueAtPercentile(50) / 1e3;
            sums.get(f)[3] = h.getValueAtPercentile(99) / 1e3;
        }
        double[] a = sums.get(s);
        double[] b = sums.get(l);
        String[] what = {"door scans/s, closed model", "registrations/s, closed model", "one badge PDF, p50 ms", "one badge PDF, p99 ms"};
        System.out.println();
        for (int i = 0; i < what.length; i++) {
            double change = 100 * (b[i] - a[i]) / a[i];
            System.out.printf(Locale.ROOT, "flat cost, %s: %,.1f at %,d delegates, %,.1f at %,d (%+.1f %%)%n", what[i], a[i], small,
                    b[i], large, change);
            figure(String.format(Locale.ROOT, "flat cost, %s: %,d vs %,d delegates in the event", i < 2
                    ? what[i] + ", " + callers + " callers" : what[i] + ", " + (PDF_ROUNDS - 20) + " of each, in turn", small, large), String.format(Locale.ROOT, "%,.1f vs %,.1f (%+.1f %%)", a[i], b[i], change));
        }
        System.out.println();
    }

    /** Gives every badge-less confirmed registration of the event a badge row (a code no device holds: volume only). */
    private static void copyBadges(String jdbc, String slug) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbc, LocalMariaDb.USER, LocalMariaDb.PASSWORD);
             Statement st = c.createStatement()) {
            st.executeUpdate("insert into badge (event_id, registration_id, serial, kid, code, digest, issued_at)"
                    + " select r.event_id, r.id, 1, (select max(kid) from badge_key), concat('COPY-', r.id), concat('copy-', r.id),"
                    + " r.created_at from registration r join event e on e.id = r.event_id and e.slug = '" + slug.replace("'", "")
                    + "' where r.status = 'CONFIRMED' and not exists (select 1 from badge b where b.registration_id = r.id)");
        }
    }

    // ---- set-up ----------------------------------------------------------------------------------

    private record Forum(String slug, List<String> sessions, List<String> ids, List<String> codes) {
    }

    /** An event with an entrance and eight sessions, and delegates imported and confirmed. */
    private Forum forum(String slug, int delegates) throws Exception {
        return forum(slug, delegates, delegates + 100);
    }

    private Forum forum(String slug, int delegates, int capacity) throws Exception {
        long t = System.nanoTime();
        Map<String, Object> e = event(slug, capacity);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES);
        List<Map<String, Object>> sessions = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        codes.add("");
        for (int i = 1; i <= opt("sessions", 40); i++) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("code", "S" + i);
            s.put("title", "Session " + i);
            s.put("type", i == 1 ? "PLENARY" : "PANEL");
            s.put("room", "Room " + i);
            s.put("startsAt", now.minusHours(1).toString());
            s.put("endsAt", now.plusHours(10).toString());
            s.put("capacity", i % 10 == 0 ? delegates + 100 : null);
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
            JsonNode view = JSON.readTree(check(send(get("/api/v1/registrations/" + id)), 200, "registration").body());
            String code = view.path("badge").path("code").asText(null);
            if (code == null) {
                missing++;
                code = "NO-BADGE-" + id;
            }
            badgeCodes.add(code);
        }
        System.out.printf(Locale.ROOT, "set-up: event %s with %d sessions and %,d confirmed delegates in %.1f s%s%n%n", slug,
                sessions.size(), ids.size(), (System.nanoTime() - t) / 1e9,
                missing == 0 ? "" : " — " + missing + " have no badge code, so their scans answer INVALID_CODE");
        return new Forum(slug, codes, ids, badgeCodes);
    }

    /** A forum an earlier run made ({@code forum=<slug>}), to measure again without importing again. */
    private Forum existingForum(String slug) throws Exception {
        List<String> ids = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode p = JSON.readTree(check(send(get("/api/v1/events/" + slug + "/registrations?status=CONFIRMED&size=100&page="
                    + page)), 200, "registrations").body());
            for (JsonNode r : p.path("items")) {
                ids.add(r.path("id").asText());
            }
            if (p.path("items").size() < 100) {
                break;
            }
        }
        List<String> codes = new ArrayList<>();
        for (String id : ids) {
            codes.add(JSON.readTree(check(send(get("/api/v1/registrations/" + id)), 200, "registration").body())
                    .path("badge").path("code").asText("NO-BADGE-" + id));
        }
        List<String> sessions = new ArrayList<>(List.of(""));
        for (int i = 1; i <= opt("sessions", 40); i++) {
            sessions.add("S" + i);
        }
        System.out.printf(Locale.ROOT, "set-up: event %s again, %,d confirmed delegates%n%n", slug, ids.size());
        return new Forum(slug, sessions, ids, codes);
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

    private static Map<String, Object> scanBody(String code, String session, String device, String nonce) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("session", session.isEmpty() ? null : session);
        body.put("direction", "IN");
        body.put("deviceId", device);
        body.put("nonce", nonce);
        return body;
    }

    private static Map<String, Object> delegate(SyntheticDelegate d) {
        return d.registrationBody();
    }

    private static Map<String, Object> event(String slug, int capacity) {
        return event(slug, "Benchmark " + slug, capacity, OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.HOURS).minusHours(2));
    }

    /** The body of {@code POST /api/v1/events}: an event in Shanghai of two days from {@code start}, no sessions. */
    static Map<String, Object> event(String slug, String name, int capacity, OffsetDateTime start) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("slug", slug);
        e.put("name", name);
        e.put("city", "Shanghai");
        e.put("venue", "Hall");
        e.put("startsAt", start.toString());
        e.put("endsAt", start.plusDays(2).toString());
        e.put("timeZone", "Asia/Shanghai");
        e.put("capacity", capacity);
        e.put("sessions", List.of());
        return e;
    }

    private static void print(Load.Result r, String how) {
        System.out.printf(Locale.ROOT, "%s, %s: %,.0f/s, ok %,d, errors %d, latency %s%n", r.name(), how, r.throughput(), r.ok(),
                r.errors(), r.percentiles());
    }

    // ---- HTTP for set-up and the big requests --------------------------------------------------------

    private String login(String user, String password) throws Exception {
        if (password == null) {
            throw new IllegalArgumentException("password=<the organizer's password> is required (or start)");
        }
        HttpRequest r = HttpRequest.newBuilder(base.resolve("/api/v1/auth/login")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(Map.of("username", user, "password", password)))).build();
        return JSON.readTree(check(send(r), 200, "sign-in").body()).path("token").asText();
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofMinutes(5)).GET()
                .header("Authorization", "Bearer " + token).build();
    }

    private HttpRequest post(String path, Object body) {
        return postJson(path, json(body));
    }

    private HttpRequest postJson(String path, String body) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofMinutes(5))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private HttpResponse<String> send(HttpRequest r) throws IOException, InterruptedException {
        return http.send(r, HttpResponse.BodyHandlers.ofString());
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
