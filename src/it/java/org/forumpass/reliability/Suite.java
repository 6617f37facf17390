package org.forumpass.reliability;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import org.awaitility.Awaitility;
import org.forumpass.ops.AppProcess;
import org.forumpass.ops.LocalMariaDb;

/** What the reliability ITs share: where they work, the build they need, starting and cleaning up processes. */
final class Suite {
    private Suite() {
    }

    /** A fresh directory under target/reliability for one IT class (its database, app logs). */
    static Path dir(String name) {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        return Path.of(System.getProperty("forumpass.reliability.dir", "target/reliability"), name + "-" + stamp).toAbsolutePath();
    }

    /**
     * An instance of the packaged app on this database, with the shared secrets of every replica. The jar
     * must be a MySQL-family build: -Pmariadb (MariaDB's driver, as documented) or -Pmysql (Connector/J,
     * which .ci/run picks when the server on 3306 is a MySQL).
     */
    static AppProcess.Builder app(Path dir, String name, LocalMariaDb db) {
        return app(dir, name, scheme -> db.jdbcUrl(scheme, LocalMariaDb.DATABASE));
    }

    /** The same on any database of the suite's account: {@code urlForScheme} makes its URL for the jar's driver (mariadb, mysql). */
    static AppProcess.Builder app(Path dir, String name, Function<String, String> urlForScheme) {
        Path jar = AppProcess.defaultJar();
        String kind = AppProcess.builtFor(jar);
        if (!kind.equals("mariadb") && !kind.equals("mysql")) {
            throw new IllegalStateException(jar + " was built for " + kind + "; the reliability suite runs the app on MariaDB:"
                    + " ./mvnw verify -Pmariadb,reliability");
        }
        return AppProcess.builder(jar, dir.resolve(name)).name(name)
                .database(urlForScheme.apply(kind), LocalMariaDb.USER, LocalMariaDb.PASSWORD);
    }

    /** Starts the instances at once (replicas racing through Flyway and the first start, as a deployment does). */
    static List<AppProcess> startAll(AppProcess.Builder... builders) {
        List<CompletableFuture<AppProcess>> starting = new ArrayList<>();
        for (AppProcess.Builder b : builders) {
            starting.add(CompletableFuture.supplyAsync(b::start));
        }
        List<AppProcess> apps = new ArrayList<>();
        RuntimeException failure = null;
        for (CompletableFuture<AppProcess> f : starting) {
            try {
                apps.add(f.join());
            } catch (CompletionException e) {
                failure = e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
            }
        }
        if (failure != null) {
            closeAll(apps.toArray(new AutoCloseable[0]));
            throw failure;
        }
        return apps;
    }

    /** Closes every one, even when some fail; rethrows the first failure. */
    static void closeAll(AutoCloseable... resources) {
        RuntimeException first = null;
        for (AutoCloseable r : resources) {
            if (r == null) {
                continue;
            }
            try {
                r.close();
            } catch (Exception e) {
                if (first == null) {
                    first = e instanceof RuntimeException re ? re : new IllegalStateException(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /** A line of the summary docs/testing.md quotes. */
    static void say(String format, Object... args) {
        System.out.printf(Locale.ROOT, "[reliability] " + format + "%n", args);
    }

    static double seconds(long fromNanos, long toNanos) {
        return (toNanos - fromNanos) / 1e9;
    }

    /** Eight random hex characters, for slugs and usernames no other run uses. */
    static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** Waits until the current fixed window of length {@code window} has at least {@code room} left. */
    static void awaitRoomInWindow(Duration window, Duration room) {
        long len = window.toMillis();
        Awaitility.await("a fixed window with " + room + " left").atMost(window.plus(room))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> len - Instant.now().toEpochMilli() % len >= room.toMillis());
    }
}
