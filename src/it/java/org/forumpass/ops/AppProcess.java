package org.forumpass.ops;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

/**
 * The packaged app ({@code target/quarkus-app/quarkus-run.jar}) as a child process: its own HTTP port
 * (a free ephemeral one), data directory and log file, configured only through the environment, as in
 * production. Every instance gets the same admin password, token secret and badge key-encryption key
 * unless told otherwise, so instances on one database behave as replicas of one deployment.
 *
 * <pre>
 * AppProcess a = AppProcess.builder(AppProcess.defaultJar(), Path.of("target/app-a"))
 *         .database(db.jdbcUrl(), LocalMariaDb.USER, LocalMariaDb.PASSWORD)
 *         .env("FORUMPASS_LIMITS_REGISTRATIONS_PER_MINUTE", "5")
 *         .start();                            // returns once /q/health/ready answers 200
 * a.uri("/api/v1/events"); a.rssKb(); a.kill9();
 * </pre>
 *
 * Inherited {@code QUARKUS_*} and {@code FORUMPASS_*} variables are dropped so that nothing from the
 * caller's shell leaks into the instance. E-mail is mocked and the registration limit is off (one
 * client address sends everything) unless the caller sets them.
 */
public final class AppProcess implements AutoCloseable {
    public static final String ADMIN_PASSWORD = "reliability-admin-password";
    /** Staff tokens signed by one replica verify on every other. */
    public static final String TOKEN_SECRET = randomKey();
    /** AES-256 key (base64 of 32 bytes) under which every replica reads the badge signing keys. */
    public static final String BADGE_KEY_ENCRYPTION_KEY = randomKey();

    /** Random per test run: the app refuses guessable keys. */
    private static String randomKey() {
        byte[] raw = new byte[32];
        new java.security.SecureRandom().nextBytes(raw);
        return Base64.getEncoder().encodeToString(raw);
    }

    private static final HttpClient PROBE = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final Path log;
    private final Process process;
    private final Thread reaper;

    private AppProcess(String name, int port, Path log, Process process) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.process = process;
        this.reaper = new Thread(process::destroyForcibly, "app-reaper-" + name);
        Runtime.getRuntime().addShutdownHook(reaper); // never leave an instance behind when the JVM exits
    }

    /** {@code target/quarkus-app/quarkus-run.jar}, or the system property {@code forumpass.app.jar} (set by the pom). */
    public static Path defaultJar() {
        return Path.of(System.getProperty("forumpass.app.jar", "target/quarkus-app/quarkus-run.jar")).toAbsolutePath();
    }

    /** The database the jar was built for ({@code forumpass.db} in its application.properties: h2, mysql or mariadb). */
    public static String builtFor(Path quarkusRunJar) {
        Path appDir = quarkusRunJar.toAbsolutePath().getParent().resolve("app");
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(appDir, "*.jar")) {
            for (Path jar : jars) {
                try (JarFile f = new JarFile(jar.toFile())) {
                    ZipEntry e = f.getEntry("application.properties");
                    if (e != null) {
                        Properties p = new Properties();
                        try (InputStream in = f.getInputStream(e)) {
                            p.load(in);
                        }
                        return p.getProperty("forumpass.db", "unknown");
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("No packaged app at " + appDir + " (run ./mvnw package first)", e);
        }
        throw new IllegalStateException("No application.properties in " + appDir);
    }

    public static Builder builder(Path quarkusRunJar, Path dir) {
        return new Builder(quarkusRunJar, dir);
    }

    public static final class Builder {
        private final Path jar;
        private final Path dir;
        private final Map<String, String> env = new LinkedHashMap<>();
        private final List<String> jvmArgs = new ArrayList<>(List.of("-Xmx256m"));
        private String name = "app";
        private Duration readyTimeout = Duration.ofSeconds(120);

        private Builder(Path jar, Path dir) {
            this.jar = jar.toAbsolutePath();
            this.dir = dir.toAbsolutePath();
            env.put("FORUMPASS_ADMIN_PASSWORD", ADMIN_PASSWORD);
            env.put("FORUMPASS_TOKEN_SECRET", TOKEN_SECRET);
            env.put("FORUMPASS_BADGE_KEY_ENCRYPTION_KEY", BADGE_KEY_ENCRYPTION_KEY);
            env.put("QUARKUS_MAILER_MOCK", "true");
            env.put("FORUMPASS_LIMITS_REGISTRATIONS_PER_MINUTE", "0");
            env.put("FORUMPASS_DEMO_LOAD", "false");
            env.put("FORUMPASS_DATA_DIR", this.dir.resolve("data").toString());
            // several replicas on one machine: HTTP only (the embedded build would serve HTTPS on 8443 in each)
            env.put("FORUMPASS_TLS_MODE", "off");
        }

        /** Names the log file ({@code <name>.log}) and the instance in messages. */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder database(String jdbcUrl, String user, String password) {
            env.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl);
            env.put("QUARKUS_DATASOURCE_USERNAME", user);
            env.put("QUARKUS_DATASOURCE_PASSWORD", password);
            return this;
        }

        /** Any configuration key in upper snake case; overrides the defaults above. */
        public Builder env(String key, String value) {
            env.put(key, value);
            return this;
        }

        /** Replaces the JVM options (default {@code -Xmx256m}). */
        public Builder jvmArgs(String... args) {
            jvmArgs.clear();
            jvmArgs.addAll(List.of(args));
            return this;
        }

        public Builder readyTimeout(Duration timeout) {
            this.readyTimeout = timeout;
            return this;
        }

        /** Starts the instance and waits until {@code /q/health/ready} answers 200. */
        public AppProcess start() {
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException("No " + jar + ": run ./mvnw package first");
            }
            int port = LocalMariaDb.freePort();
            List<String> cmd = new ArrayList<>();
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            cmd.addAll(jvmArgs);
            Path archive = jar.resolveSibling("app-cds.jsa"); // made by package; the run command names it (issue 18)
            if (Files.isRegularFile(archive) && jvmArgs.stream().noneMatch(a -> a.startsWith("-XX:SharedArchiveFile")
                    || a.startsWith("-XX:ArchiveClassesAtExit"))) { // a start that writes an archive reads none
                cmd.add("-XX:SharedArchiveFile=" + archive);
            }
            cmd.add("-jar");
            cmd.add(jar.toString());
            Path log = dir.resolve(name + ".log");
            Process process;
            try {
                Files.createDirectories(dir);
                ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
                pb.environment().keySet().removeIf(k -> k.startsWith("QUARKUS_") || k.startsWith("FORUMPASS_"));
                pb.environment().putAll(env);
                pb.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
                process = pb.start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            AppProcess app = new AppProcess(name, port, log, process);
            try {
                app.awaitReady(readyTimeout);
            } catch (RuntimeException e) {
                app.kill9();
                throw e;
            }
            return app;
        }
    }

    /** Waits until readiness answers 200; fails early, with the log's tail, if the process ends. */
    public void awaitReady(Duration timeout) {
        try {
            org.awaitility.Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(200)).until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException(this + " exited with " + process.exitValue() + ":\n" + logTail(40));
                }
                return readinessStatus() == 200;
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new IllegalStateException(this + " not ready within " + timeout.toSeconds() + " s:\n" + logTail(40));
        }
    }

    /** The HTTP status of {@code /q/health/ready}, or -1 when it does not answer within 2 s. */
    public int readinessStatus() {
        try {
            return PROBE.send(HttpRequest.newBuilder(uri("/q/health/ready")).timeout(Duration.ofSeconds(2)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** SIGTERM (Quarkus shuts down gracefully), waiting up to 30 s, then SIGKILL. */
    public void stop() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill9();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill9();
        }
    }

    /** SIGKILL ({@link Process#destroyForcibly()} on Linux): the JVM dies mid-request, with no shutdown hook. */
    public void kill9() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /** Resident set size in kB ({@code VmRSS} of /proc/&lt;pid&gt;/status), or -1 once the process is gone. */
    public long rssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    public int port() {
        return port;
    }

    /** {@code http://127.0.0.1:<port>} */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public URI uri(String path) {
        return uri().resolve(path);
    }

    public Path log() {
        return log;
    }

    public String logTail(int lines) {
        return LocalMariaDb.tail(log, lines);
    }

    @Override
    public void close() {
        try {
            stop();
        } finally {
            kill9();
            try {
                Runtime.getRuntime().removeShutdownHook(reaper);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs anyway
            }
        }
    }

    @Override
    public String toString() {
        return "app " + name + " (pid " + process.pid() + ", " + uri() + ")";
    }
}
