package org.forumpass.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
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
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.HdrHistogram.Histogram;
import org.forumpass.seed.DelegateGenerator;
import org.forumpass.seed.SyntheticDelegate;

/**
 * The registration rush at a sustained rate (scenario {@code rush}): public registrations in the open model at each
 * rate of {@code rush-rates} (default 300,600) for {@code rush-seconds} (default 30) into an event with room for all,
 * each by a distinct synthetic delegate (a unique e-mail address). Latency is counted from each request's due time,
 * so a stall shows in full. A warm-up of {@code rush-warmup} seconds (default 30) at 100/s into an event of its own
 * comes first and is not counted: the JIT compiles the registration path (Hibernate, JSON, the mail's templates) only
 * after some thousands of registrations; after 10 s (1,000) the app still spent 4.2 ms of CPU per registration at
 * 300/s and answered 1 s late (p50), after 30 s (3,000) 2.8 ms and p50 3.8 ms (docs/benchmarks.md). Beside each rate it prints the CPU the app and MariaDB spent per registration and
 * the statements MariaDB ran per registration (from its status counters, when the harness knows the database).
 */
final class RushBench {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final String token;
    private final java.net.http.HttpClient http;
    private final BiConsumer<String, String> figure;
    private final Map<String, String> options;
    private final long appPid;
    private final long dbPid;

    RushBench(URI base, String token, java.net.http.HttpClient http, BiConsumer<String, String> figure,
              Map<String, String> options, long appPid, long dbPid) {
        this.base = base;
        this.token = token;
        this.http = http;
        this.figure = figure;
        this.options = options;
        this.appPid = appPid;
        this.dbPid = dbPid;
    }

    void run(double liveThroughput) throws Exception {
        int seconds = Integer.parseInt(options.getOrDefault("rush-seconds", "30"));
        int warmup = Integer.parseInt(options.getOrDefault("rush-warmup", "30"));
        List<Integer> rates = new ArrayList<>();
        for (String r : options.getOrDefault("rush-rates", "300,600").split(",")) {
            rates.add(Integer.parseInt(r.trim()));
        }
        int seed = 1000;
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1).setInternalBlockingPoolSize(1));
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setDefaultHost(base.getHost())
                        .setDefaultPort(base.getPort()).setKeepAlive(true).setTcpNoDelay(true).setConnectTimeout(5000)
                        .setIdleTimeout(60),
                new PoolOptions().setHttp1MaxSize(Integer.parseInt(options.getOrDefault("connections", "64"))).setMaxWaitQueueSize(-1));
        try {
            if (warmup > 0) {
                int rate = 100;
                Outcome w = openRun(vertx, client, event(rate * warmup), rate, warmup, seed++);
                System.out.printf(Locale.ROOT, "registration rush warm-up: %d s at %d/s, %,d answered 201, not counted%n",
                        warmup, rate, w.ok);
            }
            for (int rate : rates) {
                long n = (long) rate * seconds;
                String slug = event((int) n + 10);
                long[] cpu0 = {cpuTicks(appPid), cpuTicks(dbPid)};
                Map<String, Long> db0 = dbStatus();
                Outcome o = openRun(vertx, client, slug, rate, seconds, seed++);
                long[] cpu1 = {cpuTicks(appPid), cpuTicks(dbPid)};
                Map<String, Long> db1 = dbStatus();
                JsonNode stats = JSON.readTree(send(get("/api/v1/events/" + slug + "/stats"), 200).body());
                int confirmed = stats.path("registrations").path("byStatus").path("CONFIRMED").asInt();
                boolean sustained = o.errors == 0 && o.ok == n && o.seconds < seconds + 1.0;
                String cost = costs(o.ok, cpu0, cpu1, db0, db1);
                System.out.printf(Locale.ROOT, "registration rush, open model at %d/s for %d s: %s, %,d of %,d answered 201 in %.1f s"
                                + " (%,.0f/s), errors %d %s, %d confirmed in the stats; latency from due time %s%n"
                                + "    %s; liveness %,.0f req/s (%.1f %% of it)%n",
                        rate, seconds, sustained ? "sustained" : "NOT sustained", o.ok, n, o.seconds, o.ok / o.seconds, o.errors,
                        o.statuses, confirmed, Load.percentiles(o.latency), cost, liveThroughput, 100 * o.ok / o.seconds / liveThroughput);
                System.out.printf(Locale.ROOT, "    %s%n%n", o.slowSeconds);
                figure.accept(String.format(Locale.ROOT, "public registrations, open model at %d/s for %d s, event with room", rate, seconds),
                        String.format(Locale.ROOT, "%s: %,d of %,d answered 201 in %.1f s (%,.0f/s, %d confirmed), errors %d;"
                                        + " latency from due time %s; %s", sustained ? "sustained" : "NOT sustained", o.ok, n, o.seconds,
                                o.ok / o.seconds, confirmed, o.errors, Load.percentiles(o.latency), cost));
            }
        } finally {
            client.close();
            vertx.close();
        }
    }

    private record Outcome(long ok, long errors, double seconds, Histogram latency, Map<Integer, Long> statuses,
                           String slowSeconds) {
    }

    /**
     * Where the tail sits in time: how many of the run's seconds had an answer later than 100 ms, and the three with the
     * latest, by wall-clock time (to set beside a GC log or the database's), so that a stall tells itself from a slow crawl.
     */
    private static String slowSeconds(long startWall, long[] slow, long[] worst) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < worst.length; i++) {
            if (slow[i] > 0) {
                order.add(i);
            }
        }
        order.sort((a, b) -> Long.compare(worst[b], worst[a]));
        java.time.format.DateTimeFormatter clock = java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss")
                .withZone(java.time.ZoneOffset.UTC);
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "seconds with an answer over 100 ms: %d of %d",
                order.size(), worst.length - 1));
        for (int i = 0; i < Math.min(3, order.size()); i++) {
            int sec = order.get(i);
            out.append(String.format(Locale.ROOT, "%s %s UTC (+%d s): worst %.0f ms, %d over 100 ms", i == 0 ? "; latest:" : ",",
                    clock.format(java.time.Instant.ofEpochMilli(startWall + sec * 1000L)), sec, worst[sec] / 1000.0, slow[sec]));
        }
        return out.toString();
    }

    /** {@code rate} registrations a second for {@code seconds}, each by its own delegate; latency from the due time. */
    private Outcome openRun(Vertx vertx, HttpClient client, String slug, int rate, int seconds, int seed) throws Exception {
        int total = rate * seconds;
        List<SyntheticDelegate> crowd = new DelegateGenerator(seed).generate(total);
        List<Buffer> bodies = new ArrayList<>(total);
        String tag = UUID.randomUUID().toString().substring(0, 6);
        for (int i = 0; i < total; i++) {
            Map<String, Object> b = crowd.get(i).registrationBody();
            b.put("email", "rush" + i + "-" + tag + "." + b.get("email")); // distinct whatever the generator repeats
            bodies.add(Buffer.buffer(JSON.writeValueAsBytes(b)));
        }
        String path = "/api/v1/events/" + slug + "/registrations";
        Histogram h = new Histogram(3_600_000_000L, 3);
        long[] counts = new long[2];
        Map<Integer, Long> statuses = new java.util.TreeMap<>();
        double interval = 1e9 / rate;
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
        long startWall = System.currentTimeMillis() + 20;
        long[] slowBySecond = new long[seconds + 1]; // answers later than 100 ms, by the second they were due in
        long[] worstBySecond = new long[seconds + 1]; // µs
        CountDownLatch done = new CountDownLatch(1);
        long[] issued = {0};
        long[] finished = {0};
        long timer = vertx.setPeriodic(1, id -> {
            long now = System.nanoTime();
            while (issued[0] < total) {
                long due = start + (long) (issued[0] * interval);
                if (due > now) {
                    break;
                }
                int i = (int) issued[0]++;
                RequestOptions o = new RequestOptions().setMethod(HttpMethod.POST).setURI(path).setTimeout(60_000)
                        .putHeader("Content-Type", "application/json");
                client.request(o).compose(req -> req.send(bodies.get(i)))
                        .compose(resp -> resp.body().map(b -> resp.statusCode()))
                        .onComplete(ar -> {
                            int status = ar.succeeded() ? ar.result() : -1;
                            long late = Math.max(1, (System.nanoTime() - due) / 1000);
                            h.recordValue(late);
                            int second = (int) Math.min(seconds, (due - start) / 1_000_000_000L);
                            worstBySecond[second] = Math.max(worstBySecond[second], late);
                            if (late > 100_000) {
                                slowBySecond[second]++;
                            }
                            counts[status == 201 ? 0 : 1]++;
                            statuses.merge(status, 1L, Long::sum);
                            if (++finished[0] == total) {
                                done.countDown();
                            }
                        });
            }
        });
        boolean all = done.await(seconds + 120L, TimeUnit.SECONDS);
        vertx.cancelTimer(timer);
        double s = (System.nanoTime() - start) / 1e9;
        CountDownLatch read = new CountDownLatch(1);
        long[] snapshot = new long[2];
        Map<Integer, Long> st = new java.util.TreeMap<>();
        vertx.runOnContext(v -> {
            snapshot[0] = counts[0];
            snapshot[1] = counts[1] + (all ? 0 : total - finished[0]);
            st.putAll(statuses);
            read.countDown();
        });
        read.await(5, TimeUnit.SECONDS);
        return new Outcome(snapshot[0], snapshot[1], s, h, st, slowSeconds(startWall, slowBySecond, worstBySecond));
    }

    /** CPU per registration of the app and of MariaDB, and MariaDB's statements per registration. */
    private String costs(long n, long[] cpu0, long[] cpu1, Map<String, Long> db0, Map<String, Long> db1) {
        if (n == 0) {
            return "no registration";
        }
        StringBuilder s = new StringBuilder();
        if (cpu0[0] >= 0 && cpu1[0] >= 0) {
            s.append(String.format(Locale.ROOT, "app CPU %.0f µs", (cpu1[0] - cpu0[0]) * 1e4 / n));
        }
        if (cpu0[1] >= 0 && cpu1[1] >= 0) {
            s.append(String.format(Locale.ROOT, ", MariaDB CPU %.0f µs", (cpu1[1] - cpu0[1]) * 1e4 / n));
        }
        if (!db0.isEmpty() && !db1.isEmpty()) {
            s.append(String.format(Locale.ROOT, ", MariaDB statements %.1f (select %.1f, insert %.1f, update %.1f, commit %.1f)",
                    diff(db0, db1, "Questions", n), diff(db0, db1, "Com_select", n), diff(db0, db1, "Com_insert", n),
                    diff(db0, db1, "Com_update", n), diff(db0, db1, "Com_commit", n)));
        }
        return s.length() == 0 ? "no CPU figures" : s + " per registration";
    }

    private static double diff(Map<String, Long> a, Map<String, Long> b, String key, long n) {
        return (b.getOrDefault(key, 0L) - a.getOrDefault(key, 0L)) / (double) n;
    }

    /** utime + stime of a process in clock ticks (1/100 s), or -1 when unknown. */
    private static long cpuTicks(long pid) {
        if (pid <= 0) {
            return -1;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (Exception e) {
            return -1;
        }
    }

    private Map<String, Long> dbStatus() {
        Map<String, Long> m = new LinkedHashMap<>();
        String jdbc = options.get("jdbc");
        if (jdbc == null) {
            return m;
        }
        try (Connection c = DriverManager.getConnection(jdbc, org.forumpass.ops.LocalMariaDb.USER, org.forumpass.ops.LocalMariaDb.PASSWORD);
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("show global status")) {
            while (rs.next()) {
                try {
                    m.put(rs.getString(1), Long.parseLong(rs.getString(2)));
                } catch (NumberFormatException ignored) {
                    // not a counter
                }
            }
        } catch (Exception e) {
            System.out.println("    (no MariaDB status: " + e.getMessage() + ")");
        }
        return m;
    }

    /** A new event with {@code capacity} places, open for registration; answers its slug. */
    private String event(int capacity) throws Exception {
        String slug = "rush-open-" + UUID.randomUUID().toString().substring(0, 6);
        Map<String, Object> e = LoadHarness.event(slug, "Rush " + slug, capacity,
                OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.HOURS).plusDays(30));
        send(HttpRequest.newBuilder(base.resolve("/api/v1/events")).timeout(Duration.ofMinutes(1))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(e))).build(), 201);
        return slug;
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofMinutes(1)).GET()
                .header("Authorization", "Bearer " + token).build();
    }

    private HttpResponse<String> send(HttpRequest r, int status) throws Exception {
        HttpResponse<String> resp = http.send(r, HttpResponse.BodyHandlers.ofString());
        if (resp.statusCode() != status) {
            throw new IllegalStateException(r.uri() + " answered " + resp.statusCode() + ": " + resp.body());
        }
        return resp;
    }
}
