package org.forumpass.ops;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * A Galera node's health check for a load balancer, as Percona's clustercheck script answers it under xinetd:
 * HTTP 200 while the node reports {@code wsrep_local_state_comment = Synced}, 503 otherwise (joining, donor,
 * not in the primary component, down). HAProxy's {@code option httpchk} reads it, so traffic only goes to a node
 * that holds the cluster's current state. Served from the test JVM (com.sun.net.httpserver) on a free port of
 * 127.0.0.1: the machine has no xinetd, and one query per check is all it takes.
 */
final class ClusterCheck implements AutoCloseable {
    private final HttpServer server;

    ClusterCheck(LocalGalera.Node node) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "clustercheck-node" + node.index());
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", exchange -> {
            String state = node.isRunning() ? node.state() : "down";
            byte[] body = ("Galera node" + node.index() + " is " + state + "\n").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders("Synced".equals(state) ? 200 : 503, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
