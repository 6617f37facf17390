package org.forumpass.reliability;

import static org.forumpass.reliability.Suite.say;
import static org.forumpass.reliability.Suite.seconds;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.forumpass.ops.AppProcess;
import org.forumpass.ops.LocalGalera;
import org.forumpass.ops.LocalHaproxy;

/**
 * What the Galera ITs run on: a 3-node {@link LocalGalera} cluster on loopback, {@link LocalHaproxy} in front of it
 * (node 3 the writer, nodes 1 and 2 its backups), and three replicas of the packaged app: A writes through node 1,
 * B through node 2, C through HAProxy, so every node takes writes and each scenario meets Galera's certification
 * conflicts between nodes. The replicas run as behind a load balancer (client address from X-Forwarded-For).
 */
final class GaleraRig implements AutoCloseable {
    final Path dir;
    final LocalGalera cluster;
    final LocalHaproxy proxy;
    /** A, B and C, in that order. */
    final List<AppProcess> replicas;
    /** The organizer at A, B and C, in that order (one token: the replicas share the secret). */
    final List<Api> apis;
    private final List<AppProcess.Builder> builders;

    private GaleraRig(Path dir, LocalGalera cluster, LocalHaproxy proxy, List<AppProcess.Builder> builders,
                      List<AppProcess> replicas, List<Api> apis) {
        this.dir = dir;
        this.cluster = cluster;
        this.proxy = proxy;
        this.builders = builders;
        this.replicas = new java.util.ArrayList<>(replicas);
        this.apis = new java.util.ArrayList<>(apis);
    }

    /** Forms the cluster, starts HAProxy and the three replicas (at once, racing through Flyway on an empty schema). */
    static GaleraRig start(String name) throws Exception {
        Path dir = Suite.dir(name);
        LocalGalera cluster = null;
        LocalHaproxy proxy = null;
        try {
            long t = System.nanoTime();
            cluster = LocalGalera.create(dir.resolve("galera"), 3);
            cluster.start();
            say("galera: %s formed in %.1f s (node1 :%d, node2 :%d, node3 :%d)", cluster, seconds(t, System.nanoTime()),
                    cluster.node(1).port(), cluster.node(2).port(), cluster.node(3).port());
            proxy = LocalHaproxy.start(dir.resolve("haproxy"), cluster, 3);
            LocalGalera c = cluster;
            LocalHaproxy p = proxy;
            t = System.nanoTime();
            List<AppProcess.Builder> builders = List.of(replica(dir, "a", scheme -> causal(c.node(1).jdbcUrl(scheme))),
                    replica(dir, "b", scheme -> causal(c.node(2).jdbcUrl(scheme))), replica(dir, "c", scheme -> causal(p.jdbcUrl(scheme))));
            List<AppProcess> replicas = Suite.startAll(builders.toArray(new AppProcess.Builder[0]));
            say("galera: replicas A (node1), B (node2) and C (%s) ready %.1f s after launch, started together on an empty schema",
                    proxy, seconds(t, System.nanoTime()));
            Api atA = Api.organizer(replicas.get(0));
            return new GaleraRig(dir, cluster, proxy, builders, replicas,
                    List.of(atA, atA.at(replicas.get(1)), atA.at(replicas.get(2))));
        } catch (Exception | Error e) {
            Suite.closeAll(proxy, cluster);
            throw e;
        }
    }

    /**
     * The URL with causal reads ({@code wsrep_sync_wait=1}, as docs/operations.md recommends for Galera): a read waits
     * until its node has applied what the cluster committed before it, so a replica reads its neighbours' writes.
     */
    static String causal(String jdbcUrl) {
        return jdbcUrl + "?sessionVariables=wsrep_sync_wait=1";
    }

    /** The rows as node {@code n} holds them, read causally (after everything the cluster committed before). */
    static Stored stored(LocalGalera.Node n) {
        return new Stored(() -> {
            java.sql.Connection c = n.connect();
            try (java.sql.Statement s = c.createStatement()) {
                s.execute("SET SESSION wsrep_sync_wait = 1");
            } catch (java.sql.SQLException e) {
                c.close();
                throw e;
            }
            return c;
        });
    }

    static AppProcess.Builder replica(Path dir, String name, java.util.function.Function<String, String> url) {
        return Suite.app(dir, name, url)
                // the test client stands for the load balancer: X-Forwarded-For is read only from trusted proxies
                .env("FORUMPASS_TRUSTED_PROXIES", "127.0.0.0/8,::1")
                // a rush of a hundred at once per replica queues for 32 connections behind one hot row; the tests count
                // seats, not latency, so a slow box must not turn the last waiters into 503s
                .env("QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT", "30S");
    }

    /** Starts replica {@code i} (0 = A) again, on the same database address, after a kill; its organizer token still holds. */
    void restart(int i) {
        replicas.get(i).close();
        AppProcess again = builders.get(i).start();
        replicas.set(i, again);
        apis.set(i, apis.get(i).at(again));
    }

    /** Conflicts retried in all the replicas so far (the counter forumpass_db_conflicts_retried_total in /q/metrics). */
    long conflictsRetried() throws Exception {
        long sum = 0;
        for (AppProcess app : replicas) {
            if (app.isAlive()) {
                sum += metric(app, "forumpass_db_conflicts_retried_total");
            }
        }
        return sum;
    }

    /** A counter's value in one instance's Prometheus page (0 when it has none yet). */
    static long metric(AppProcess app, String name) throws Exception {
        HttpResponse<String> r = Api.send(java.net.http.HttpRequest.newBuilder(app.uri("/q/metrics")).timeout(Api.TIMEOUT).GET().build());
        double sum = 0;
        for (String line : r.body().lines().toList()) {
            if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return Math.round(sum);
    }

    @Override
    public void close() {
        Suite.closeAll(replicas.toArray(new AutoCloseable[0]));
        Suite.closeAll(proxy, cluster);
    }
}
