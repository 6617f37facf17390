package org.forumpass.reliability;

import static org.forumpass.reliability.Api.problemCode;
import static org.forumpass.reliability.Api.read;
import static org.forumpass.reliability.Api.sendAsync;
import static org.forumpass.reliability.Suite.say;
import static org.forumpass.reliability.Suite.seconds;
import static org.forumpass.reliability.Suite.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.forumpass.ops.LocalGalera;
import org.forumpass.seed.DelegateGenerator;
import org.forumpass.seed.SyntheticDelegate;

/** The scenarios of the Galera ITs, each on a {@link GaleraRig}: the smoke test runs some, the whole suite all. */
final class GaleraScenarios {
    private GaleraScenarios() {
    }

    /**
     * The replicas started together through three nodes on an empty schema (GaleraRig) migrated it once: on every node
     * each migration is in Flyway's history exactly once, none failed, every one of the app's migrations is there, and
     * the migration lease was given back.
     */
    static void migratedOnce(GaleraRig rig) throws Exception {
        long migrations;
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(
                java.nio.file.Path.of("src/main/resources/db/migration"))) {
            migrations = files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql")).count();
        }
        for (LocalGalera.Node n : rig.cluster.nodes()) {
            Stored stored = GaleraRig.stored(n);
            assertEquals(0, stored.count("select count(*) from flyway_schema_history where success = 0"), "failed migrations on " + n);
            assertEquals(stored.count("select count(distinct version) from flyway_schema_history where version <> '0'"),
                    stored.count("select count(*) from flyway_schema_history where version <> '0'"), "migrations applied twice on " + n);
            assertEquals(migrations, stored.count("select count(*) from flyway_schema_history where version <> '0'"),
                    "migrations applied on " + n);
            assertEquals(0, stored.count("select count(*) from forumpass_migration_lease"), "migration lease still held on " + n);
        }
        say("galera: three replicas started together through node1, node2 and HAProxy on an empty schema: each of the %d"
                + " migrations applied once (one replica migrated, the others waited for its lease), none failed", migrations);
    }

    /**
     * {@code people} register at once for {@code seats} seats, in turn at A (node 1), B (node 2) and C (HAProxy):
     * exactly {@code seats} CONFIRMED and the rest WAITLISTED, in the answers, in /stats and in the rows of every node.
     */
    static void rush(GaleraRig rig, int people, int seats) throws Exception {
        String slug = "rush-" + unique();
        rig.apis.get(0).createEvent(slug, seats, false);
        List<SyntheticDelegate> crowd = new DelegateGenerator(people * 7 + seats).generate(people);
        long retriedBefore = rig.conflictsRetried();
        long t = System.nanoTime();
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < crowd.size(); i++) {
            String address = "10.9." + i / 250 + "." + (i % 250 + 1);
            calls.add(sendAsync(rig.apis.get(i % rig.apis.size()).register(slug, Api.delegate(crowd.get(i)), address)));
        }
        Map<String, Integer> outcome = new TreeMap<>();
        for (CompletableFuture<HttpResponse<String>> c : calls) {
            HttpResponse<String> r = c.get();
            outcome.merge(r.statusCode() == 201 ? read(r).path("status").asText() : "HTTP " + r.statusCode() + " " + problemCode(r),
                    1, Integer::sum);
        }
        double took = seconds(t, System.nanoTime());
        long retried = rig.conflictsRetried() - retriedBefore;
        say("galera: registration rush, %d at once for %d seats across A (node1), B (node2) and C (HAProxy) in %.1f s (%.0f/s),"
                + " %d conflicts retried: %s", people, seats, took, people / took, retried, outcome);
        assertEquals(Map.of("CONFIRMED", seats, "WAITLISTED", people - seats), outcome, "answers to the registration rush");
        for (Api api : rig.apis) {
            JsonNode byStatus = api.stats(slug).path("registrations").path("byStatus");
            assertEquals(seats, byStatus.path("CONFIRMED").asInt(), "confirmed in /stats at " + api.base + ": " + byStatus);
        }
        for (LocalGalera.Node n : rig.cluster.nodes()) {
            Stored stored = GaleraRig.stored(n);
            long event = stored.eventId(slug);
            assertEquals(seats, stored.count("select count(*) from registration where event_id = ? and status = 'CONFIRMED'", event),
                    "confirmed rows on " + n);
            assertEquals(people, stored.count("select count(*) from registration where event_id = ?", event), "rows on " + n);
            assertEquals(seats, stored.count("select seats_taken from event where id = ?", event), "seats taken on " + n);
        }
    }

    /**
     * 64 doors, spread over A, B and C, scan one delegate's badge into S1 at the same instant: exactly one ACCEPTED,
     * every other door told ALREADY_CHECKED_IN, one check-in and 64 scan rows on every node.
     */
    static void oneBadgeManyDoors(GaleraRig rig) throws Exception {
        String slug = "doors-" + unique();
        Api atA = rig.apis.get(0);
        atA.createEvent(slug, 10, true);
        String code = atA.importDelegatesWithBadges(slug, 1, 64).get(0);
        List<CompletableFuture<HttpResponse<String>>> scans = new ArrayList<>();
        long t = System.nanoTime();
        for (int d = 0; d < 64; d++) {
            Api.Scan scan = new Api.Scan(code, "S1", "door-" + d, java.util.UUID.randomUUID().toString());
            scans.add(sendAsync(rig.apis.get(d % rig.apis.size()).scan(slug, scan, Api.TIMEOUT)));
        }
        Map<String, Integer> results = new TreeMap<>();
        for (CompletableFuture<HttpResponse<String>> c : scans) {
            HttpResponse<String> r = c.get();
            results.merge(r.statusCode() == 200 ? read(r).path("result").asText() : "HTTP " + r.statusCode() + " " + problemCode(r),
                    1, Integer::sum);
        }
        double took = seconds(t, System.nanoTime());
        say("galera: one badge at 64 doors on A, B and C at once, answered in %.2f s: %s", took, results);
        assertEquals(Map.of("ACCEPTED", 1, "ALREADY_CHECKED_IN", 63), results, "answers to 64 scans of one badge");
        for (LocalGalera.Node n : rig.cluster.nodes()) {
            Stored stored = GaleraRig.stored(n);
            long event = stored.eventId(slug);
            assertEquals(1, stored.count("select count(*) from checkin where event_id = ?", event), "check-ins on " + n);
            assertEquals(64, stored.scans(event).size(), "scan rows on " + n);
        }
    }

    /** An event for traffic: registrations (plenty of seats) and a second event with {@code badges} badges to scan. */
    record Venue(String registrationSlug, String scanSlug, List<String> badges) {
    }

    static Venue venue(GaleraRig rig, int badges, int seed) throws Exception {
        Api atA = rig.apis.get(0);
        String reg = "reg-" + unique();
        atA.createEvent(reg, 100_000, false);
        String scan = "scan-" + unique();
        atA.createEvent(scan, 100_000, true);
        return new Venue(reg, scan, atA.importDelegatesWithBadges(scan, badges, seed));
    }

    /**
     * kill -9 of node {@code victim} under traffic at A, B and C: the replicas go on (a replica whose node died, or
     * whose proxy is switching, may answer 503; none may answer 500 or hang), every acknowledged write is on the
     * surviving nodes; the node restarts, rejoins by IST and then holds every acknowledged write too. Answers the
     * time C took to fail over (kill to its next acknowledged answer), in seconds.
     */
    static double killNodeUnderLoad(GaleraRig rig, int victim, int seed) throws Exception {
        Venue v = venue(rig, 60, seed);
        LocalGalera.Node node = rig.cluster.node(victim);
        long killedAt;
        long restartedAt;
        double rejoinSeconds;
        GaleraTraffic traffic = new GaleraTraffic(rig, v.registrationSlug(), v.scanSlug(), v.badges(), seed, 3, List.of(0, 1, 2));
        try {
            org.awaitility.Awaitility.await("traffic before the kill").atMost(java.time.Duration.ofMinutes(2))
                    .pollInterval(java.time.Duration.ofMillis(50)).until(() -> traffic.acknowledged() >= 150);
            node.kill9();
            killedAt = System.nanoTime();
            org.awaitility.Awaitility.await("traffic after the kill").atMost(java.time.Duration.ofMinutes(2))
                    .pollInterval(java.time.Duration.ofMillis(50))
                    .until(() -> traffic.acknowledgedSince(killedAt) >= 150 && traffic.firstAcknowledgedAfter(2, killedAt) > 0);
            restartedAt = System.nanoTime();
            node.start().awaitSynced(java.time.Duration.ofMinutes(3));
            rejoinSeconds = seconds(restartedAt, System.nanoTime());
            long rejoinedAt = System.nanoTime();
            org.awaitility.Awaitility.await("traffic after the rejoin").atMost(java.time.Duration.ofMinutes(2))
                    .pollInterval(java.time.Duration.ofMillis(50)).until(() -> traffic.acknowledgedSince(rejoinedAt) >= 60);
        } finally {
            traffic.close();
        }
        double failover = seconds(killedAt, traffic.firstAcknowledgedAfter(2, killedAt));
        int survivor = victim == 1 ? 1 : 0; // A, or B when A's node is the victim: a replica on a node that stays up
        double stall = seconds(killedAt, traffic.firstAcknowledgedAfter(survivor, killedAt));
        say("galera: kill -9 of node%d under traffic (3 devices at each of A, B, C): C (HAProxy) acknowledged again %.2f s after"
                + " the kill, %s (on a surviving node) %.2f s after (the cluster's writes wait until it evicts the dead node);"
                + " node%d rejoined in %.1f s by %s; %s", victim, failover, survivor == 0 ? "A" : "B", stall, victim, rejoinSeconds,
                node.joinedByIst() ? "IST" : "SST", traffic.summary());
        assertEquals(List.of(), traffic.failures(false), "answers other than 2xx, 503 and 409 request.conflict (500s, hangs)");
        traffic.assertFewConflicts();
        for (LocalGalera.Node n : rig.cluster.nodes()) {
            traffic.assertStoredOn(n); // the survivors, and the rejoined node once it caught up
        }
        assertEquals(true, node.joinedByIst(), "node" + victim + " rejoined by IST");
        return failover;
    }

    /**
     * kill -9 of replica B under traffic at A, B and C: the others go on, and every write B acknowledged before it died
     * (and every write A and C acknowledged) is on every node. B is started again afterwards.
     */
    static void killReplicaUnderLoad(GaleraRig rig, int seed) throws Exception {
        Venue v = venue(rig, 60, seed);
        GaleraTraffic traffic = new GaleraTraffic(rig, v.registrationSlug(), v.scanSlug(), v.badges(), seed, 3, List.of(0, 1, 2));
        long killedAt;
        try {
            org.awaitility.Awaitility.await("traffic before the kill").atMost(java.time.Duration.ofMinutes(2))
                    .pollInterval(java.time.Duration.ofMillis(50)).until(() -> traffic.acknowledged() >= 150);
            rig.replicas.get(1).kill9();
            killedAt = System.nanoTime();
            org.awaitility.Awaitility.await("traffic after the kill").atMost(java.time.Duration.ofMinutes(2))
                    .pollInterval(java.time.Duration.ofMillis(50)).until(() -> traffic.acknowledgedSince(killedAt) >= 150);
        } finally {
            traffic.close();
        }
        long ackedByB = traffic.answers.stream().filter(a -> a.replica() == 1 && a.acknowledged()).count();
        say("galera: kill -9 of replica B (node2) under traffic: B had acknowledged %d writes, %d requests to it were cut off;"
                + " %s", ackedByB, traffic.count(-1), traffic.summary());
        assertEquals(List.of(), traffic.failures(true),
                "answers other than 2xx, 503, 409 request.conflict and the cut-off requests to B");
        traffic.assertFewConflicts();
        for (LocalGalera.Node n : rig.cluster.nodes()) {
            traffic.assertStoredOn(n);
        }
        rig.restart(1);
    }

    /**
     * A rolling restart of the three nodes, one at a time (a clean stop, a few seconds down, a start that rejoins by
     * IST), under traffic at A, B and C: no 500s or hangs, nothing acknowledged lost, and C, behind HAProxy, answers
     * throughout. Answers C's longest time without an acknowledged answer, in seconds.
     */
    static double rollingRestart(GaleraRig rig, int seed) throws Exception {
        Venue v = venue(rig, 60, seed);
        GaleraTraffic traffic = new GaleraTraffic(rig, v.registrationSlug(), v.scanSlug(), v.badges(), seed, 3, List.of(0, 1, 2));
        List<String> rejoins = new ArrayList<>();
        long started = System.nanoTime();
        try {
            org.awaitility.Awaitility.await("traffic before the restarts").atMost(java.time.Duration.ofMinutes(2))
                    .pollInterval(java.time.Duration.ofMillis(50)).until(() -> traffic.acknowledged() >= 100);
            for (LocalGalera.Node n : rig.cluster.nodes()) {
                n.stop();
                Thread.sleep(3_000);
                long t = System.nanoTime();
                n.start().awaitSynced(java.time.Duration.ofMinutes(3));
                rejoins.add(String.format(java.util.Locale.ROOT, "node%d %.1f s (%s)", n.index(), seconds(t, System.nanoTime()),
                        n.joinedByIst() ? "IST" : "SST"));
                long synced = System.nanoTime();
                org.awaitility.Awaitility.await("traffic after node" + n.index() + " rejoined").atMost(java.time.Duration.ofMinutes(2))
                        .pollInterval(java.time.Duration.ofMillis(50)).until(() -> traffic.acknowledgedSince(synced) >= 60);
            }
        } finally {
            traffic.close();
        }
        double gap = traffic.longestGap(2, started);
        say("galera: rolling restart of node1, node2 and node3 under traffic in %.1f s: rejoined %s; C (HAProxy) never more than"
                + " %.2f s without an acknowledged answer; %s", seconds(started, System.nanoTime()), rejoins, gap, traffic.summary());
        assertEquals(List.of(), traffic.failures(false), "answers other than 2xx, 503 and 409 request.conflict (500s, hangs)");
        traffic.assertFewConflicts();
        for (LocalGalera.Node n : rig.cluster.nodes()) {
            traffic.assertStoredOn(n);
        }
        assertEquals(true, gap < 15, "C, behind HAProxy, answered throughout the restarts (longest gap " + gap + " s)");
        return gap;
    }

    /** Registrations and scans answered per second by some replicas, at a fixed concurrency. */
    record Throughput(double registrations, double scans) {
    }

    /**
     * {@code registrations} registrations (16 at a time) and then {@code scans} scans (32 at a time) of 100 badges,
     * spread over {@code apis}; every answer must be 201 or 200.
     */
    static Throughput throughput(List<Api> apis, int seed, int registrations, int scans) throws Exception {
        Api first = apis.get(0);
        String reg = "tput-" + unique();
        first.createEvent(reg, 100_000, false);
        String scan = "tputs-" + unique();
        first.createEvent(scan, 100_000, true);
        List<String> badges = first.importDelegatesWithBadges(scan, 100, seed);
        List<SyntheticDelegate> people = new DelegateGenerator(seed + 1).generate(registrations);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(32);
        try {
            java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
            List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
            long t = System.nanoTime();
            List<java.util.concurrent.Future<?>> work = new ArrayList<>();
            for (int w = 0; w < 16; w++) {
                work.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < people.size(); i = next.getAndIncrement()) {
                        HttpResponse<String> r = Api.send(apis.get(i % apis.size()).register(reg, Api.delegate(people.get(i)),
                                "10.6." + i / 250 + "." + (i % 250 + 1)));
                        if (r.statusCode() != 201) {
                            failures.add("registration " + r.statusCode() + " " + r.body());
                        }
                    }
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> f : work) {
                f.get();
            }
            double registrationRate = people.size() / seconds(t, System.nanoTime());
            next.set(0);
            work.clear();
            t = System.nanoTime();
            for (int w = 0; w < 32; w++) {
                String device = "tput-door-" + w;
                work.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < scans; i = next.getAndIncrement()) {
                        Api.Scan s = new Api.Scan(badges.get(i % badges.size()), i % 2 == 0 ? "S1" : null, device,
                                java.util.UUID.randomUUID().toString());
                        HttpResponse<String> r = Api.send(apis.get(i % apis.size()).scan(scan, s, Api.TIMEOUT));
                        if (r.statusCode() != 200) {
                            failures.add("scan " + r.statusCode() + " " + r.body());
                        }
                    }
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> f : work) {
                f.get();
            }
            double scanRate = scans / seconds(t, System.nanoTime());
            assertEquals(List.of(), failures, "answers other than 201 and 200");
            return new Throughput(registrationRate, scanRate);
        } finally {
            pool.shutdownNow();
        }
    }
}
