package org.forumpass.reliability;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * What both Galera runs ({@link GaleraSmokeIT}, {@link GaleraIT}) do first, on a cluster of their own ({@link GaleraRig},
 * in {@code target/<name>}): three replicas started together migrate the schema once, a rush of 300 for 10 seats across
 * the nodes confirms exactly 10, and one badge at 64 doors on three nodes is admitted once. Each run adds its own tests
 * from {@code @Order(3)} on.
 */
@Tag("galera")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class GaleraRun {
    GaleraRig rig;

    /** The rig's directory under target/ (and the prefix of its log lines). */
    abstract String name();

    @BeforeAll
    void start() throws Exception {
        rig = GaleraRig.start(name());
    }

    @AfterAll
    void stop() {
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
}
