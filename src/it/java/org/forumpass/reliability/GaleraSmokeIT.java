package org.forumpass.reliability;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The Galera suite's short run, for CI: the cluster forms with three replicas on it, a registration rush across
 * nodes ends with exactly the seats there are, 64 doors on three nodes admit one badge once, and a node killed with
 * kill -9 under load loses nothing acknowledged and rejoins. ./mvnw verify -Pmariadb,reliability,galera -Dit.test=GaleraSmokeIT
 */
@Tag("galera")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GaleraSmokeIT {
    private static GaleraRig rig;

    @BeforeAll
    static void start() throws Exception {
        rig = GaleraRig.start("galera-smoke");
    }

    @AfterAll
    static void stop() {
        if (rig != null) {
            rig.close();
        }
    }

    @Test
    @Order(0)
    void replicasStartedTogetherMigratedTheSchemaOnce() throws Exception {
        GaleraScenarios.migratedOnce(rig);
    }

    @Test
    @Order(1)
    void rushAcrossNodesConfirmsExactlyTheSeats() throws Exception {
        GaleraScenarios.rush(rig, 300, 10);
    }

    @Test
    @Order(2)
    void oneBadgeAtSixtyFourDoorsIsAcceptedOnce() throws Exception {
        GaleraScenarios.oneBadgeManyDoors(rig);
    }

    @Test
    @Order(3)
    void killNineOfANodeLosesNothingAndItRejoins() throws Exception {
        GaleraScenarios.killNodeUnderLoad(rig, 3, 41);
    }
}
