package org.forumpass.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.forumpass.ops.AppProcess;
import org.forumpass.ops.LocalMariaDb;

/**
 * Start-up time of the packaged app (scenario {@code startup}, issue 18): starts {@code quarkus-run.jar} once to make the
 * schema (and, on the embedded build, the demo forums and the certificates), then {@code runs=} more times on that
 * existing schema, each timed from the process launch to {@code /q/health/ready} answering 200 (polled every 10 ms),
 * and prints the median, min and max beside Quarkus's own "started in" and the CPU time the process had used by then.
 *
 * <p>The MariaDB build (-Pmariadb) runs on a MariaDB of its own with {@code -Xmx256m}, configured by the environment
 * as in production; the embedded (H2) build runs as the README's run command does (demo forums, HTTPS on), in a data
 * directory of its own. With {@code target/quarkus-app/app-cds.jsa} beside the jar the JVM is given
 * {@code -XX:SharedArchiveFile} as the README says; {@code cds=off} measures the same build without it, and
 * {@code cds=trained} with an archive of a whole start instead, which the first start writes as it stops
 * ({@code -XX:ArchiveClassesAtExit}, the way docs/operations.md tells a production host to make one).
 *
 * <pre>
 * ./mvnw -Pmariadb,bench -DskipTests package exec:java -Dbench.args="scenarios=startup runs=7"
 * ./mvnw -Pbench -DskipTests package exec:java -Dbench.args="scenarios=startup runs=7"        (embedded H2)
 * ./mvnw -Pbench test-compile exec:java -Dbench.args="scenarios=startup jar=/elsewhere/quarkus-app/quarkus-run.jar cds=off"
 * ./mvnw -Pmariadb,bench exec:java -Dbench.args="scenarios=startup cds=trained jvm=-XX:TieredStopAtLevel=1|-Xlog:gc"
 * </pre>
 */
public final class StartupBench {
    private static final Pattern STARTED = Pattern.compile("started in ([0-9.]+)s");
    private static final HttpClient PROBE = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1)).build();
    private static final long TICKS_PER_SECOND = 100; // USER_HZ of /proc/<pid>/stat on Linux

    private final Map<String, String> options;
    private final Path jar;
    private final Path dir;
    private final String builtFor;
    private final Path java;

    private StartupBench(Map<String, String> options) {
        this.options = options;
        this.jar = Path.of(options.getOrDefault("jar", AppProcess.defaultJar().toString())).toAbsolutePath();
        this.dir = Path.of(options.getOrDefault("dir", "target/bench-startup")).toAbsolutePath();
        this.builtFor = AppProcess.builtFor(jar);
        this.java = Path.of(options.getOrDefault("java", System.getProperty("java.home")), "bin", "java");
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (String a : args.length == 1 ? args[0].trim().split("\\s+") : args) {
            int eq = a.indexOf('=');
            if (!a.isBlank()) {
                options.put(eq < 0 ? a : a.substring(0, eq), eq < 0 ? "true" : a.substring(eq + 1));
            }
        }
        run(options);
        System.exit(0);
    }

    /** The hook of {@link LoadHarness} (scenarios=startup). */
    static void run(Map<String, String> options) throws Exception {
        new StartupBench(options).measure();
    }

    private void measure() throws Exception {
        int runs = Integer.parseInt(options.getOrDefault("runs", "5"));
        deleteTree(dir);
        Files.createDirectories(dir);
        Path archive = jar.getParent().resolve("app-cds.jsa");
        List<String> jvm = new ArrayList<>();
        boolean h2 = builtFor.equals("h2");
        if (!h2) {
            jvm.add("-Xmx256m");
        }
        String cdsMode = options.getOrDefault("cds", "on");
        boolean aot = cdsMode.equals("aot");
        boolean trained = cdsMode.equals("trained");
        boolean cds = aot || trained || Files.isRegularFile(archive) && !cdsMode.equals("off");
        List<String> firstJvm = new ArrayList<>(jvm);
        if (aot) { // JDK 25: the first start records what it loads and links and writes an AOT cache as it stops (JEP 483, 514)
            archive = dir.resolve("app.aot");
            firstJvm.add("-XX:AOTCacheOutput=" + archive);
            firstJvm.add("-Xlog:aot=off");
            jvm.add("-XX:AOTCache=" + archive);
        } else if (trained) { // the first start writes the archive as it stops (docs/operations.md, "Start-up"); the others read it
            archive = dir.resolve("trained-app-cds.jsa");
            firstJvm.add("-XX:ArchiveClassesAtExit=" + archive);
            firstJvm.add("-Xlog:cds=off");
            firstJvm.add("-Xlog:cds+dynamic=off");
            jvm.add("-XX:SharedArchiveFile=" + archive);
        } else if (cds) {
            jvm.add("-XX:SharedArchiveFile=" + archive);
            firstJvm = new ArrayList<>(jvm);
        }
        for (String o : options.getOrDefault("jvm", "").split("\\|")) { // more JVM options for the timed starts (a profiler, a flag to try)
            if (!o.isBlank()) {
                jvm.add(o);
            }
        }
        Map<String, String> env = new LinkedHashMap<>();
        LocalMariaDb db = null;
        try {
            if (h2) { // the README's run command: generated admin password, demo forums, HTTPS on a port of its own
                env.put("FORUMPASS_DATA_DIR", dir.resolve("data").toString());
                env.put("QUARKUS_HTTP_SSL_PORT", Integer.toString(LocalMariaDb.freePort()));
            } else {
                db = LocalMariaDb.create(dir.resolve("db")).start();
                String url = builtFor.equals("mariadb") ? db.jdbcUrl() : db.jdbcUrl().replace("jdbc:mariadb:", "jdbc:mysql:");
                env.put("QUARKUS_DATASOURCE_JDBC_URL", url);
                env.put("QUARKUS_DATASOURCE_USERNAME", LocalMariaDb.USER);
                env.put("QUARKUS_DATASOURCE_PASSWORD", LocalMariaDb.PASSWORD);
                env.put("FORUMPASS_ADMIN_PASSWORD", AppProcess.ADMIN_PASSWORD);
                env.put("FORUMPASS_TOKEN_SECRET", AppProcess.TOKEN_SECRET);
                env.put("FORUMPASS_BADGE_KEY_ENCRYPTION_KEY", AppProcess.BADGE_KEY_ENCRYPTION_KEY);
                env.put("FORUMPASS_DATA_DIR", dir.resolve("data").toString());
            }
            System.out.printf(Locale.ROOT, "Start-up of %s (built for %s) on %s, JVM options %s, %d cores here, load %s%n", jar, builtFor,
                    java, jvm, Runtime.getRuntime().availableProcessors(), loadAverage());
            Start first = start(firstJvm, env, "first");
            System.out.printf(Locale.ROOT, "first start (makes the schema%s): %s%n", h2 ? ", the demo forums and the certificates" : "", first);
            List<Start> starts = new ArrayList<>();
            for (int i = 1; i <= runs; i++) {
                Start s = start(jvm, env, "run-" + i);
                starts.add(s);
                System.out.printf(Locale.ROOT, "start %d on the existing schema: %s%n", i, s);
            }
            String what = "start-up to readiness UP, " + (h2 ? "embedded H2 (README run command, second start)" : builtFor
                    + " -Xmx256m, existing schema") + (aot ? ", with the AOT cache the first start wrote as it stopped"
                    : trained ? ", with the archive the first start wrote as it stopped"
                    : cds ? ", with app-cds.jsa" : ", no class-data archive");
            String figure = String.format(Locale.ROOT, "median %.2f s (min %.2f, max %.2f; Quarkus \"started in\" median %.2f s;"
                            + " CPU used median %.1f s) over %d starts, load %s", median(starts, Start::readyMs) / 1000.0,
                    starts.stream().mapToLong(Start::readyMs).min().orElse(0) / 1000.0,
                    starts.stream().mapToLong(Start::readyMs).max().orElse(0) / 1000.0, median(starts, Start::startedInMs) / 1000.0,
                    median(starts, Start::cpuMs) / 1000.0, runs, loadAverage());
            System.out.println("\n| what | figure |\n|---|---|\n| " + what + " | " + figure + " |");
        } finally {
            if (db != null) {
                db.close();
            }
        }
    }

    record Start(long readyMs, long startedInMs, long cpuMs) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "ready in %.2f s (Quarkus: started in %.2f s), CPU %.1f s", readyMs / 1000.0,
                    startedInMs / 1000.0, cpuMs / 1000.0);
        }
    }

    /** Launches the jar, times it to readiness UP, then stops it (SIGTERM) and waits for it to end. */
    private Start start(List<String> jvm, Map<String, String> env, String name) throws Exception {
        int port = LocalMariaDb.freePort();
        List<String> cmd = new ArrayList<>();
        cmd.add(java.toString());
        cmd.addAll(jvm);
        cmd.add("-jar");
        cmd.add(jar.toString());
        Path log = dir.resolve(name + ".log");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("QUARKUS_") || k.startsWith("FORUMPASS_"));
        pb.environment().putAll(env);
        pb.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        URI ready = URI.create("http://127.0.0.1:" + port + "/q/health/ready");
        long t0 = System.nanoTime();
        Process p = pb.start();
        try {
            long deadline = t0 + TimeUnit.SECONDS.toNanos(180);
            while (true) {
                if (!p.isAlive()) {
                    throw new IllegalStateException(name + " exited with " + p.exitValue() + ":\n" + Files.readString(log));
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(name + " not ready within 180 s:\n" + Files.readString(log));
                }
                if (status(ready) == 200) {
                    break;
                }
                Thread.sleep(10);
            }
            long readyMs = (System.nanoTime() - t0) / 1_000_000;
            long cpuMs = cpuMs(p.pid());
            p.destroy();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
            }
            Matcher m = STARTED.matcher(Files.readString(log));
            long startedIn = m.find() ? Math.round(Double.parseDouble(m.group(1)) * 1000) : -1;
            return new Start(readyMs, startedIn, cpuMs);
        } finally {
            p.destroyForcibly();
        }
    }

    private static int status(URI uri) {
        try {
            return PROBE.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** User and system CPU time of the process so far (fields 14 and 15 of /proc/&lt;pid&gt;/stat), or -1. */
    private static long cpuMs(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 1000 / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "?";
        }
    }

    private static double median(List<Start> starts, java.util.function.ToLongFunction<Start> f) {
        long[] v = starts.stream().mapToLong(f).sorted().toArray();
        if (v.length == 0) {
            return 0;
        }
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2.0;
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
