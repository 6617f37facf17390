package org.forumpass.reliability;

import static org.forumpass.reliability.Suite.say;

import java.nio.file.Path;
import java.util.List;
import org.forumpass.ops.AppProcess;
import org.forumpass.ops.LocalMariaDb;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Issue 19: ForumPass replicas on a 3-node MariaDB Galera cluster behind HAProxy ({@link GaleraRig}) lose nothing when
 * a database node or an app replica dies under load. In order: the tests of {@link GaleraRun} (migrations once, the
 * rush of 300 for 10 seats through three nodes, one badge at 64 doors), kill -9 of the node behind HAProxy and its
 * rejoin, kill -9 of a node with a replica on it, kill -9 of a replica, a rolling restart of all three nodes, and the
 * throughput through the cluster against one MariaDB in the same run.
 * ./mvnw verify -Pmariadb,reliability,galera (the short run for CI: -Dit.test=GaleraSmokeIT).
 */
class GaleraIT extends GaleraRun {
    @Override
    String name() {
        return "galera";
    }

    @Test
    @Order(3)
    void killNineOfTheNodeBehindHaproxyLosesNothingAndItRejoins() throws Exception {
        GaleraScenarios.killNodeUnderLoad(rig, 3, 51);
    }

    @Test
    @Order(4)
    void killNineOfANodeWithAReplicaOnItLosesNothing() throws Exception {
        GaleraScenarios.killNodeUnderLoad(rig, 2, 52);
    }

    @Test
    @Order(5)
    void killNineOfAReplicaLosesNothing() throws Exception {
        GaleraScenarios.killReplicaUnderLoad(rig, 53);
    }

    @Test
    @Order(6)
    void rollingRestartOfTheNodesKeepsTheServiceUp() throws Exception {
        GaleraScenarios.rollingRestart(rig, 54);
    }

    @Test
    @Order(7)
    void throughputThroughTheClusterAgainstOneMariaDb() throws Exception {
        Path dir = rig.dir.resolve("single");
        try (LocalMariaDb single = LocalMariaDb.create(dir.resolve("mariadb")).start();
             AppProcess s = Suite.app(dir, "s", single).start()) {
            Api atS = Api.organizer(s);
            GaleraScenarios.throughput(List.of(atS), 60, 100, 300); // warms the new replica up as the cluster's are
            long retried = rig.conflictsRetried();
            GaleraScenarios.Throughput one = GaleraScenarios.throughput(List.of(atS), 61, 400, 1200);
            GaleraScenarios.Throughput viaProxy = GaleraScenarios.throughput(List.of(rig.apis.get(2)), 62, 400, 1200);
            GaleraScenarios.Throughput all = GaleraScenarios.throughput(rig.apis, 63, 400, 1200);
            say("galera: throughput (400 registrations 16 at a time, 1,200 scans 32 at a time): one MariaDB, one replica %.0f"
                            + " registrations/s, %.0f scans/s; the cluster through HAProxy, one replica (C) %.0f registrations/s,"
                            + " %.0f scans/s; the cluster through node1, node2 and HAProxy, three replicas %.0f registrations/s,"
                            + " %.0f scans/s; %d conflicts retried on the cluster meanwhile",
                    one.registrations(), one.scans(), viaProxy.registrations(), viaProxy.scans(), all.registrations(), all.scans(),
                    rig.conflictsRetried() - retried);
            say("galera: conflicts retried by the three replicas over the whole run: %d", rig.conflictsRetried());
        }
    }
}
