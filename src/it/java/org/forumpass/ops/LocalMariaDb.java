package org.forumpass.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A private MariaDB server for tests and benchmarks, started from the machine's own {@code mariadbd}
 * (Debian package mariadb-server) on a data directory, port and socket of its own, so its owner may stop
 * it, kill it and start it again at will without touching any other server on the machine.
 *
 * <pre>
 * try (LocalMariaDb db = LocalMariaDb.create(Path.of("target/db")).start()) {
 *     String url = db.jdbcUrl();              // jdbc:mariadb://127.0.0.1:&lt;port&gt;/forumpass, user forumpass
 *     db.kill9();  db.start();                 // crash and restart on the same data directory and port
 * }                                            // close(): graceful stop, data directory deleted
 * </pre>
 *
 * The server reads no option file ({@code --no-defaults}), listens on 127.0.0.1 only, on a free
 * ephemeral port chosen once, and keeps {@code innodb_flush_log_at_trx_commit=1} (the default): a
 * commit it acknowledged survives a kill -9 of the server. {@link #create} runs {@code mariadb-install-db}
 * with a bootstrap script that creates the database {@value #DATABASE} (utf8mb4) and the account
 * {@value #USER} / {@value #PASSWORD} with every privilege (so callers can create more databases).
 * As root the server runs as the system user {@code mysql}, which then owns the directory.
 * {@link #connect} uses MariaDB's JDBC driver when it is on the class path (the {@code -Pmariadb} build),
 * otherwise Connector/J (always there).
 */
public final class LocalMariaDb implements AutoCloseable {
    public static final String DATABASE = "forumpass";
    public static final String USER = "forumpass";
    public static final String PASSWORD = "forumpass";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    private final Path dir;
    private final Path dataDir;
    private final Path errorLog;
    private final Path mariadbd;
    private final String osUser;
    private final int port;
    private Process process;
    private final Thread reaper = new Thread(this::killQuietly, "local-mariadb-reaper");

    private LocalMariaDb(Path dir, Path mariadbd, String osUser, int port) {
        this.dir = dir;
        this.dataDir = dir.resolve("data");
        this.errorLog = dir.resolve("mariadbd.err");
        this.mariadbd = mariadbd;
        this.osUser = osUser;
        this.port = port;
        Runtime.getRuntime().addShutdownHook(reaper); // never leave a server behind when the JVM exits
    }

    /**
     * Makes a fresh server in {@code dir} (created; must not hold one already): finds the binaries,
     * picks a free port, runs mariadb-install-db. Does not start it.
     */
    public static LocalMariaDb create(Path dir) {
        Path mariadbd = binary("mariadbd", "mysqld").orElseThrow(() -> new IllegalStateException(
                "No mariadbd found in PATH, /usr/sbin or /usr/bin. The reliability suite starts a MariaDB server of its own:"
                        + " install it with `apt-get install -y mariadb-server` (Debian/Ubuntu)."));
        Path installDb = binary("mariadb-install-db", "mysql_install_db").orElseThrow(() -> new IllegalStateException(
                "mariadbd is there but mariadb-install-db is not: install the full package with `apt-get install -y mariadb-server`."));
        // as root the server runs as root too: the mysql account cannot reach a checkout in a private
        // directory (mktemp -d makes it 0700), and mariadbd accepts root when told so explicitly
        String osUser = isRoot() ? "root" : System.getProperty("user.name");
        try {
            Path abs = dir.toAbsolutePath().normalize();
            if (Files.exists(abs.resolve("data"))) {
                throw new IllegalStateException(abs + " holds a data directory already");
            }
            Files.createDirectories(abs);
            Path init = abs.resolve("init.sql");
            Files.writeString(init, String.join("\n",
                    "FLUSH PRIVILEGES;", // the bootstrap runs without grant tables; this loads them so CREATE USER works
                    "CREATE DATABASE " + DATABASE + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;",
                    "CREATE USER '" + USER + "'@'127.0.0.1' IDENTIFIED BY '" + PASSWORD + "';",
                    "GRANT ALL ON *.* TO '" + USER + "'@'127.0.0.1';", ""), StandardCharsets.UTF_8);
            LocalMariaDb db = new LocalMariaDb(abs, mariadbd, osUser, freePort());
            List<String> cmd = new ArrayList<>(List.of(installDb.toString(), "--no-defaults", "--datadir=" + db.dataDir,
                    "--user=" + osUser, "--auth-root-authentication-method=normal", "--skip-test-db", "--skip-name-resolve",
                    "--extra-file=" + init));
            cmd.addAll(db.serverOptions());
            Path log = abs.resolve("install-db.log");
            Process p = new ProcessBuilder(cmd).directory(abs.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException("mariadb-install-db failed:\n" + tail(log, 30));
            }
            return db;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Starts the server (again, on the same data directory and port) and waits until {@code SELECT 1} answers. */
    public synchronized LocalMariaDb start() {
        if (isRunning()) {
            return this;
        }
        List<String> cmd = new ArrayList<>(List.of(mariadbd.toString(), "--no-defaults", "--datadir=" + dataDir,
                "--socket=" + dir.resolve("mariadbd.sock"), "--port=" + port, "--bind-address=127.0.0.1",
                "--pid-file=" + dir.resolve("mariadbd.pid"), "--user=" + osUser, "--skip-name-resolve",
                "--log-error=" + errorLog));
        cmd.addAll(serverOptions());
        try {
            process = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("mariadbd.out").toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SQLException[] last = {null};
        try {
            org.awaitility.Awaitility.await().atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(200)).until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException("mariadbd exited with " + process.exitValue() + ":\n" + tail(errorLog, 30));
                }
                try (Connection c = connect(DATABASE); Statement s = c.createStatement()) {
                    s.execute("SELECT 1");
                    return true;
                } catch (SQLException e) {
                    if (e.getMessage() != null && e.getMessage().contains("No suitable driver")) {
                        throw new IllegalStateException("No JDBC driver for MariaDB on the class path", e);
                    }
                    last[0] = e;
                    return false;
                }
            });
            return this;
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            killQuietly();
            throw new IllegalStateException("mariadbd did not answer within " + START_TIMEOUT.toSeconds() + " s (" + last[0] + "):\n"
                    + tail(errorLog, 30), last[0]);
        }
    }

    /** Graceful shutdown (SIGTERM: InnoDB flushes and closes), waiting for the process to end. */
    public synchronized void stop() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new IllegalStateException("mariadbd did not stop within " + STOP_TIMEOUT.toSeconds() + " s; killed it");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** SIGKILL: the server dies at once, as in a crash; the next {@link #start()} runs InnoDB's crash recovery. */
    public synchronized void kill9() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroyForcibly(); // SIGKILL on Linux
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    public int port() {
        return port;
    }

    /** {@code jdbc:mariadb://127.0.0.1:<port>/forumpass} */
    public String jdbcUrl() {
        return jdbcUrl("mariadb", DATABASE);
    }

    /** The URL for a driver: scheme {@code mariadb} (MariaDB's driver) or {@code mysql} (Connector/J). */
    public String jdbcUrl(String scheme, String database) {
        return "jdbc:" + scheme + "://127.0.0.1:" + port + "/" + database;
    }

    /** A connection as {@value #USER}, failing fast (3 s) when the server is down. */
    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(hasMariaDbDriver() ? "mariadb" : "mysql", database) + "?connectTimeout=3000",
                USER, PASSWORD);
    }

    static boolean hasMariaDbDriver() {
        try {
            Class.forName("org.mariadb.jdbc.Driver");
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    public Connection connect() throws SQLException {
        return connect(DATABASE);
    }

    /** Creates another database (utf8mb4), for a second set of app instances that must not share state. */
    public void createDatabase(String name) {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE IF NOT EXISTS `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public Path errorLog() {
        return errorLog;
    }

    /** Stops the server (kills it if it will not stop) and deletes its data directory; the logs stay. */
    @Override
    public void close() {
        try {
            stop();
        } finally {
            killQuietly();
            try {
                Runtime.getRuntime().removeShutdownHook(reaper);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs anyway
            }
            deleteTree(dataDir);
        }
    }

    @Override
    public String toString() {
        return "MariaDB on 127.0.0.1:" + port + " (" + dir + ")";
    }

    /** Options shared by install-db and every start; small redo log and buffer pool, several app pools' worth of connections. */
    private List<String> serverOptions() {
        return List.of("--character-set-server=utf8mb4", "--collation-server=utf8mb4_unicode_ci",
                "--innodb-buffer-pool-size=128M", "--innodb-log-file-size=16M", "--max-connections=400");
    }

    private void killQuietly() {
        Process p = process;
        if (p != null && p.isAlive()) {
            p.destroyForcibly();
            try {
                p.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static Optional<Path> binary(String... names) {
        List<Path> dirs = new ArrayList<>();
        for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!d.isEmpty()) {
                dirs.add(Path.of(d));
            }
        }
        dirs.add(Path.of("/usr/sbin"));
        dirs.add(Path.of("/usr/bin"));
        for (String name : names) {
            for (Path d : dirs) {
                Path p = d.resolve(name);
                if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    static boolean isRoot() {
        try {
            return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        } catch (IOException | UnsupportedOperationException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    /** Ports this JVM has handed out: processes started at the same moment must not be given the same one. */
    private static final java.util.Set<Integer> HANDED_OUT = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * A port that was free a moment ago (the kernel's choice of an ephemeral port), and not handed out before
     * by this JVM: the kernel may offer a just-released port again to the next caller.
     */
    public static int freePort() {
        while (true) {
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                s.setReuseAddress(true);
                port = s.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (HANDED_OUT.add(port)) {
                return port;
            }
        }
    }

    static String tail(Path file, int lines) {
        try {
            List<String> all = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines().toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no " + file + ": " + e.getMessage() + ")";
        }
    }

    /** Removes a directory tree, best effort (LocalGalera's too). */
    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort: target/ is cleaned by mvn clean anyway
                }
            });
        } catch (IOException ignored) {
            // best effort
        }
    }
}
