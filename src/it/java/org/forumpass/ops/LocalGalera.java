package org.forumpass.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * A private MariaDB Galera cluster on loopback: three (or more) {@code mariadbd} processes of the machine's own
 * MariaDB (Debian packages mariadb-server and galera-4), each with its own SQL port, socket, data directory and
 * ports for group communication, IST and SST, so its owner can kill -9 a node, restart it and watch it rejoin
 * without touching any other server on the machine.
 *
 * <pre>
 * try (LocalGalera cluster = LocalGalera.create(Path.of("target/galera"), 3).start()) {
 *     cluster.node(1).jdbcUrl("mariadb");      // jdbc:mariadb://127.0.0.1:&lt;port of node 1&gt;/forumpass
 *     cluster.node(2).kill9();                 // the other two carry on as the primary component
 *     cluster.node(2).start().awaitSynced();   // rejoins by IST from the others' gcache
 * }                                            // close(): every node stopped, files deleted, error logs kept
 * </pre>
 *
 * <p>Why it is built this way: the joiner's state transfer (rsync SST) writes the data directory as the server's
 * user, so as root every node runs as {@code mysql}, and its files live under a directory of {@code /tmp} that
 * {@code mysql} can reach (a checkout under a private home directory is not); the error logs are copied to
 * {@code logDir} when the cluster closes. A full SST of each joiner takes some 20 s, so {@link #start()} installs
 * one data directory, lets node 1 form the cluster on it and stops it cleanly (its {@code grastate.dat} then names
 * the cluster's state), and copies it to the other nodes before their first start: they join with the same state
 * and need no transfer, or an IST of a few write sets. A node killed later rejoins by IST.</p>
 *
 * <p>Every node keeps {@code innodb_flush_log_at_trx_commit=1}; Galera needs {@code binlog_format=ROW} and
 * {@code innodb_autoinc_lock_mode=2}. Each node also has a clustercheck endpoint ({@link ClusterCheck}) for a load
 * balancer's health check: 200 only while the node is {@code Synced}.</p>
 */
public final class LocalGalera implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    private final Path dir;
    private final Path logDir;
    private final Path mariadbd;
    private final String clusterName;
    private final List<Node> nodes = new ArrayList<>();
    private final Thread reaper = new Thread(this::killAll, "local-galera-reaper");

    private LocalGalera(Path dir, Path logDir, Path mariadbd, int size) {
        this.dir = dir;
        this.logDir = logDir;
        this.mariadbd = mariadbd;
        // gcomm refuses a group name of more than 32 characters: the peers then never hear each other
        this.clusterName = "forumpass-" + Long.toHexString(System.nanoTime());
        for (int i = 1; i <= size; i++) {
            nodes.add(new Node(i));
        }
        Runtime.getRuntime().addShutdownHook(reaper); // never leave a node behind when the JVM exits
    }

    /**
     * A cluster of {@code size} nodes, not started: its files in a fresh directory under /tmp, its error logs copied
     * to {@code logDir} at {@link #close()}. Needs mariadbd, mariadb-install-db, the Galera library and rsync.
     */
    public static LocalGalera create(Path logDir, int size) {
        Path mariadbd = LocalMariaDb.binary("mariadbd", "mysqld").orElseThrow(() -> new IllegalStateException(
                "No mariadbd: the Galera suite needs `apt-get install -y mariadb-server galera-4 rsync`"));
        if (!Files.isRegularFile(Path.of(PROVIDER))) {
            throw new IllegalStateException("No " + PROVIDER + ": the Galera suite needs `apt-get install -y galera-4`");
        }
        if (LocalMariaDb.binary("rsync").isEmpty()) {
            throw new IllegalStateException("No rsync: Galera's state transfer needs `apt-get install -y rsync`");
        }
        try {
            Path dir = Files.createTempDirectory(Path.of("/tmp"), "forumpass-galera-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
            Files.createDirectories(logDir);
            return new LocalGalera(dir, logDir.toAbsolutePath(), mariadbd, size);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The library that makes mariadbd a Galera node. */
    public static final String PROVIDER = "/usr/lib/galera/libgalera_smm.so";

    /**
     * Forms the cluster: installs node 1's data directory, bootstraps it once and stops it, copies its data to the
     * other nodes, then starts node 1 as the new cluster and the others as joiners; returns once all are Synced.
     */
    public LocalGalera start() {
        Node first = nodes.get(0);
        first.install();
        first.bootstrap();
        first.stop(); // grastate.dat now holds the cluster's id and last seqno: copies of it join without SST
        for (Node n : nodes.subList(1, nodes.size())) {
            n.copyDataFrom(first);
        }
        first.bootstrap();
        List<Thread> joining = new ArrayList<>();
        RuntimeException[] failure = {null};
        for (Node n : nodes.subList(1, nodes.size())) {
            Thread t = new Thread(() -> {
                try {
                    n.start().awaitSynced(START_TIMEOUT);
                } catch (RuntimeException e) {
                    failure[0] = e;
                }
            }, "galera-join-" + n.index);
            t.start();
            joining.add(t);
        }
        for (Thread t : joining) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        if (failure[0] != null) {
            throw failure[0];
        }
        Awaitility.await("cluster of " + nodes.size()).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> first.status("wsrep_cluster_size").equals(Integer.toString(nodes.size())));
        return this;
    }

    /** Node {@code i}, from 1. */
    public Node node(int i) {
        return nodes.get(i - 1);
    }

    public List<Node> nodes() {
        return List.copyOf(nodes);
    }

    /** Stops every node (kills one that will not stop), copies the error logs to the log directory, deletes the files. */
    @Override
    public void close() {
        try {
            for (Node n : nodes) {
                try {
                    n.check.close();
                    n.stop();
                } catch (RuntimeException e) {
                    n.kill9();
                }
            }
        } finally {
            killAll();
            for (Node n : nodes) {
                try {
                    if (Files.exists(n.errorLog)) {
                        Files.copy(n.errorLog, logDir.resolve("galera-node" + n.index + ".err"), StandardCopyOption.REPLACE_EXISTING);
                    }
                } catch (IOException ignored) {
                    // best effort: the logs only help to read a failure
                }
            }
            try {
                Runtime.getRuntime().removeShutdownHook(reaper);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs anyway
            }
            LocalMariaDb.deleteTree(dir);
        }
    }

    private void killAll() {
        for (Node n : nodes) {
            n.kill9();
        }
    }

    @Override
    public String toString() {
        return nodes.size() + "-node Galera cluster on 127.0.0.1 (" + dir + ")";
    }

    /** One mariadbd of the cluster. */
    public final class Node {
        final int index;
        private final Path home;
        private final Path dataDir;
        private final Path errorLog;
        private final int port = stablePort();
        private final int gcommPort = stablePort();
        private final int istPort = stablePort();
        private final int sstPort = stablePort();
        private final ClusterCheck check;
        private Process process;

        private Node(int index) {
            this.index = index;
            this.home = dir.resolve("node" + index);
            this.dataDir = home.resolve("data");
            this.errorLog = home.resolve("mariadbd.err");
            this.check = new ClusterCheck(this);
        }

        private void install() {
            try {
                Files.createDirectories(home);
                Path init = home.resolve("init.sql");
                Files.writeString(init, String.join("\n",
                        "FLUSH PRIVILEGES;", // the bootstrap runs without grant tables; this loads them so CREATE USER works
                        "CREATE DATABASE " + LocalMariaDb.DATABASE + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;",
                        "CREATE USER '" + LocalMariaDb.USER + "'@'127.0.0.1' IDENTIFIED BY '" + LocalMariaDb.PASSWORD + "';",
                        "GRANT ALL ON *.* TO '" + LocalMariaDb.USER + "'@'127.0.0.1';", ""), StandardCharsets.UTF_8);
                Path installDb = LocalMariaDb.binary("mariadb-install-db", "mysql_install_db")
                        .orElseThrow(() -> new IllegalStateException("No mariadb-install-db: `apt-get install -y mariadb-server`"));
                List<String> cmd = new ArrayList<>(List.of(installDb.toString(), "--no-defaults", "--datadir=" + dataDir,
                        "--user=" + osUser(), "--auth-root-authentication-method=normal", "--skip-test-db", "--skip-name-resolve",
                        "--extra-file=" + init));
                cmd.addAll(SHARED_OPTIONS);
                run(cmd, home.resolve("install-db.log"));
                chown(dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void copyDataFrom(Node other) {
            try {
                Files.createDirectories(home);
                run(List.of("cp", "-a", other.dataDir.toString(), dataDir.toString()), home.resolve("copy.log"));
                chown(home);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Starts this node as a new cluster of its own ({@code --wsrep-new-cluster}) and waits until it is Synced. */
        private void bootstrap() {
            launch(true);
            awaitSynced(START_TIMEOUT);
        }

        /** Starts the node (again) as a joiner of the cluster; see {@link #awaitSynced}. Returns at once. */
        public synchronized Node start() {
            if (!isRunning()) {
                launch(false);
            }
            return this;
        }

        private synchronized void launch(boolean newCluster) {
            List<String> cmd = new ArrayList<>(List.of(mariadbd.toString(), "--no-defaults", "--datadir=" + dataDir,
                    "--socket=" + home.resolve("mariadbd.sock"), "--port=" + port, "--bind-address=127.0.0.1",
                    "--pid-file=" + home.resolve("mariadbd.pid"), "--user=" + osUser(), "--skip-name-resolve",
                    "--log-error=" + errorLog));
            cmd.addAll(SHARED_OPTIONS);
            cmd.addAll(List.of("--wsrep-on=ON", "--wsrep-provider=" + PROVIDER, "--wsrep-cluster-name=" + clusterName,
                    "--wsrep-provider-options=gmcast.listen_addr=tcp://127.0.0.1:" + gcommPort + ";ist.recv_addr=127.0.0.1:"
                            + istPort + ";gcache.size=64M",
                    "--wsrep-node-name=node" + index, "--wsrep-node-address=127.0.0.1:" + gcommPort,
                    "--wsrep-sst-receive-address=127.0.0.1:" + sstPort, "--wsrep-sst-method=rsync",
                    "--wsrep-cluster-address=gcomm://" + String.join(",", nodes.stream().map(n -> "127.0.0.1:" + n.gcommPort).toList()),
                    "--binlog-format=ROW", "--innodb-autoinc-lock-mode=2"));
            if (newCluster) {
                cmd.add("--wsrep-new-cluster");
            } else {
                recoveredPosition(cmd).ifPresent(position -> cmd.add("--wsrep-start-position=" + position));
            }
            try {
                process = new ProcessBuilder(cmd).directory(home.toFile()).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("mariadbd.out").toFile())).start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /**
         * After a crash (grastate.dat's seqno is -1) the position the node's InnoDB holds, found as systemd's
         * galera_recovery finds it ({@code mariadbd --wsrep-recover}): started with it, the node asks the cluster for
         * the write sets it missed (IST); without it, it would ask for a full copy (SST).
         */
        private java.util.Optional<String> recoveredPosition(List<String> startCommand) {
            Path grastate = dataDir.resolve("grastate.dat");
            try {
                if (!Files.isRegularFile(grastate) || !Files.readString(grastate).contains("seqno:   -1")) {
                    return java.util.Optional.empty();
                }
                Path log = home.resolve("wsrep-recover.log");
                Files.deleteIfExists(log);
                List<String> cmd = new ArrayList<>();
                for (String option : startCommand) {
                    cmd.add(option.startsWith("--log-error=") ? "--log-error=" + log : option);
                }
                cmd.add("--wsrep-recover");
                run(cmd, home.resolve("wsrep-recover.out"));
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("Recovered position: (\\S+:-?\\d+)")
                        .matcher(Files.readString(log));
                String position = null;
                while (m.find()) {
                    position = m.group(1);
                }
                return java.util.Optional.ofNullable(position);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Waits until the node answers and reports {@code wsrep_local_state_comment = Synced}; fails early if it exits. */
        public Node awaitSynced(Duration timeout) {
            try {
                Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(200)).until(() -> {
                    if (!isRunning()) {
                        throw new IllegalStateException(this + " exited:\n" + LocalMariaDb.tail(errorLog, 30));
                    }
                    return "Synced".equals(state());
                });
                return this;
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                throw new IllegalStateException(this + " not Synced within " + timeout.toSeconds() + " s (" + state() + "):\n"
                        + LocalMariaDb.tail(errorLog, 30));
            }
        }

        /** Graceful shutdown (SIGTERM: the node leaves the cluster, InnoDB flushes), waiting for the process to end. */
        public synchronized void stop() {
            if (process == null || !process.isAlive()) {
                return;
            }
            process.destroy();
            try {
                if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                    throw new IllegalStateException(this + " did not stop within " + STOP_TIMEOUT.toSeconds() + " s; killed it");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }

        /** SIGKILL: the node dies at once; the others drop it from the primary component and carry on. */
        public synchronized void kill9() {
            if (process == null || !process.isAlive()) {
                return;
            }
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        public synchronized boolean isRunning() {
            return process != null && process.isAlive();
        }

        /** {@code wsrep_local_state_comment} (Synced, Joining, Donor/Desynced, ...), or "down" when the node does not answer. */
        public String state() {
            try {
                return status("wsrep_local_state_comment");
            } catch (SQLException e) {
                return "down";
            }
        }

        /** One of the server's status variables (SHOW STATUS), as text; "" when there is none of that name. */
        public String status(String name) throws SQLException {
            try (Connection c = connect(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SHOW STATUS LIKE '" + name.replace("'", "") + "'")) {
                return rs.next() ? rs.getString(2) : "";
            }
        }

        /**
         * True when the node's error log says its last start caught up by an incremental state transfer (the donor
         * sent the write sets it missed, "rsync IST completed"), not by a full copy of the data ("rsync SST completed").
         */
        public boolean joinedByIst() {
            String log = LocalMariaDb.tail(errorLog, 2000);
            String lastStart = log.substring(Math.max(0, log.lastIndexOf("Starting MariaDB")));
            return lastStart.contains("IST received") && !lastStart.contains("rsync SST completed");
        }

        /** A connection as {@value LocalMariaDb#USER}, failing fast (2 s to connect, 5 s per statement) when the node is down. */
        public Connection connect() throws SQLException {
            return DriverManager.getConnection(jdbcUrl(LocalMariaDb.hasMariaDbDriver() ? "mariadb" : "mysql")
                    + "?connectTimeout=2000&socketTimeout=5000", LocalMariaDb.USER, LocalMariaDb.PASSWORD);
        }

        /** The URL for a driver: scheme {@code mariadb} (MariaDB's driver) or {@code mysql} (Connector/J). */
        public String jdbcUrl(String scheme) {
            return "jdbc:" + scheme + "://127.0.0.1:" + port + "/" + LocalMariaDb.DATABASE;
        }

        public int port() {
            return port;
        }

        /** The port of this node's clustercheck endpoint (HTTP, 200 while Synced). */
        public int checkPort() {
            return check.port();
        }

        public int index() {
            return index;
        }

        @Override
        public String toString() {
            return "Galera node" + index + " on 127.0.0.1:" + port;
        }
    }

    /** Options of install-db and every start: small redo log and buffer pool, several app pools' worth of connections. */
    private static final List<String> SHARED_OPTIONS = List.of("--character-set-server=utf8mb4",
            "--collation-server=utf8mb4_unicode_ci", "--innodb-buffer-pool-size=128M", "--innodb-log-file-size=16M",
            "--max-connections=400");

    /** Ports this JVM has handed out to nodes. */
    private static final java.util.Set<Integer> HANDED_OUT = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * A free port below Linux's ephemeral range (32768 and up): a node binds its ports long after they are chosen,
     * and again at every restart, and a port of the ephemeral range may meanwhile be the source port of any outgoing
     * connection on the machine (seen: group communication failing to bind, "Address already in use").
     */
    static int stablePort() {
        java.util.Random random = new java.util.Random();
        for (int tries = 0; tries < 1000; tries++) {
            int port = 20_000 + random.nextInt(12_000);
            if (HANDED_OUT.contains(port)) {
                continue;
            }
            try (java.net.ServerSocket s = new java.net.ServerSocket()) {
                s.bind(new java.net.InetSocketAddress("127.0.0.1", port));
            } catch (IOException inUse) {
                continue;
            }
            if (HANDED_OUT.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port in 20000-31999");
    }

    /** As root the nodes run as mysql: the joiner's rsync SST writes the data directory as the server's user. */
    private static String osUser() {
        return LocalMariaDb.isRoot() ? "mysql" : System.getProperty("user.name");
    }

    private static void chown(Path path) {
        if (LocalMariaDb.isRoot()) {
            run(List.of("chown", "-R", "mysql:mysql", path.toString()), null);
        }
    }

    private static void run(List<String> cmd, Path log) {
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
            Path out = log != null ? log : Files.createTempFile("forumpass-galera-cmd", ".log");
            pb.redirectOutput(out.toFile());
            Process p = pb.start();
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", cmd) + " failed:\n" + LocalMariaDb.tail(out, 30));
            }
            if (log == null) {
                Files.deleteIfExists(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
