package org.forumpass.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * HAProxy (Debian package haproxy) in front of a {@link LocalGalera} cluster, as a child process in the foreground
 * ({@code haproxy -f cfg -db}) on a free port of 127.0.0.1: the address an app replica is given when it should not
 * care which node it writes through.
 *
 * <p>TCP mode, one server per node, checked every 500 ms against the node's clustercheck endpoint ({@link ClusterCheck}):
 * a node that is not {@code Synced} (killed, joining, a donor) is out after two failed checks, and
 * {@code on-marked-down shutdown-sessions} closes the connections still open to it, so the app's pool reconnects
 * instead of waiting on a node that cannot answer. One node takes the writes and the others are backups (the
 * usual single-writer set-up for Galera: no certification conflicts between the replicas behind the proxy); when it
 * goes, the first healthy backup takes over.</p>
 */
public final class LocalHaproxy implements AutoCloseable {
    private final int port;
    private final Process process;
    private final Thread reaper;

    private LocalHaproxy(int port, Process process) {
        this.port = port;
        this.process = process;
        this.reaper = new Thread(process::destroyForcibly, "local-haproxy-reaper");
        Runtime.getRuntime().addShutdownHook(reaper);
    }

    /**
     * Starts HAProxy for the cluster's nodes, node {@code writer} taking the writes and the others its backups (in
     * their order), config and log in {@code dir}; returns once it listens.
     */
    public static LocalHaproxy start(Path dir, LocalGalera cluster, int writer) {
        Path haproxy = LocalMariaDb.binary("haproxy").orElseThrow(() -> new IllegalStateException(
                "No haproxy: the Galera suite needs `apt-get install -y haproxy`"));
        int port = LocalMariaDb.freePort();
        List<String> cfg = new ArrayList<>(List.of(
                "global",
                "    maxconn 4000",
                "defaults",
                "    mode tcp",
                "    timeout connect 2s",
                // the app's pool keeps connections open for long: idle ones must not be cut by the proxy
                "    timeout client 1h",
                "    timeout server 1h",
                "    timeout check 2s",
                "listen galera",
                "    bind 127.0.0.1:" + port,
                "    option httpchk GET /",
                "    http-check expect status 200",
                "    default-server inter 500ms fastinter 250ms downinter 500ms fall 2 rise 2 on-marked-down shutdown-sessions"));
        for (LocalGalera.Node n : cluster.nodes()) {
            cfg.add("    server node" + n.index() + " 127.0.0.1:" + n.port() + " check port " + n.checkPort()
                    + (n.index() == writer ? "" : " backup"));
        }
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve("haproxy.cfg");
            Files.writeString(file, String.join("\n", cfg) + "\n", StandardCharsets.UTF_8);
            Process p = new ProcessBuilder(haproxy.toString(), "-f", file.toString(), "-db").directory(dir.toFile())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("haproxy.log").toFile()))
                    .start();
            LocalHaproxy proxy = new LocalHaproxy(port, p);
            Awaitility.await("haproxy listening on " + port).atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        if (!p.isAlive()) {
                            throw new IllegalStateException("haproxy exited with " + p.exitValue() + ":\n"
                                    + LocalMariaDb.tail(dir.resolve("haproxy.log"), 20));
                        }
                        try (Socket s = new Socket("127.0.0.1", port)) {
                            return true;
                        } catch (IOException e) {
                            return false;
                        }
                    });
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The URL of the cluster through the proxy: scheme {@code mariadb} or {@code mysql}. */
    public String jdbcUrl(String scheme) {
        return "jdbc:" + scheme + "://127.0.0.1:" + port + "/" + LocalMariaDb.DATABASE;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(reaper);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
    }

    @Override
    public String toString() {
        return "HAProxy on 127.0.0.1:" + port;
    }
}
