package org.forumpass.reliability;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The Galera suite's short run, for CI: the tests of {@link GaleraRun} (the cluster forms with three replicas on it,
 * the rush across nodes ends with exactly the seats there are, 64 doors on three nodes admit one badge once), then a
 * node killed with kill -9 under load loses nothing acknowledged and rejoins.
 * ./mvnw verify -Pmariadb,reliability,galera -Dit.test=GaleraSmokeIT
 */
class GaleraSmokeIT extends GaleraRun {
    @Override
    String name() {
        return "galera-smoke";
    }

    @Test
    @Order(3)
    void killNineOfANodeLosesNothingAndItRejoins() throws Exception {
        GaleraScenarios.killNodeUnderLoad(rig, 3, 41);
    }
}
