package org.forumpass.reliability;

import static org.forumpass.reliability.Api.expect;
import static org.forumpass.reliability.Api.problemCode;
import static org.forumpass.reliability.Api.read;
import static org.forumpass.reliability.Api.send;
import static org.forumpass.reliability.Api.sendAsync;
import static org.forumpass.reliability.Suite.awaitRoomInWindow;
import static org.forumpass.reliability.Suite.say;
import static org.forumpass.reliability.Suite.seconds;
import static org.forumpass.reliability.Suite.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.csv.CSVRecord;
import org.forumpass.ops.AppProcess;
import org.forumpass.ops.LocalMariaDb;
import org.forumpass.reliability.Api.Scan;
import org.forumpass.seed.DelegateGenerator;
import org.forumpass.seed.SyntheticDelegate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Replicas of the packaged app on one private MariaDB: rushes split between A and B, scans of one badge
 * at both at the same instant, kill -9 of a third replica under load, and the limits that must hold
 * across replicas because they are counted in the database. The replicas run as behind a load balancer
 * (client address from X-Forwarded-For) with the registration limit at 5 a minute: the rush comes from
 * 300 addresses, the limit check from one.
 */
@Tag("reliability")
class ReplicasIT {
    private static final Duration SCAN_TIMEOUT = Duration.ofSeconds(10);
    private static final int REGISTRATIONS_PER_MINUTE = 5;

    private static LocalMariaDb db;
    private static AppProcess a;
    private static AppProcess b;
    private static AppProcess victim;
    private static Api atA;
    private static Api atB;

    @BeforeAll
    static void startThreeReplicasOnOneDatabase() throws Exception {
        Path dir = Suite.dir("replicas");
        db = LocalMariaDb.create(dir.resolve("mariadb")).start();
        long t = System.nanoTime();
        List<AppProcess> apps = Suite.startAll(replica(dir, "a"), replica(dir, "b"), replica(dir, "victim"));
        a = apps.get(0);
        b = apps.get(1);
        victim = apps.get(2);
        say("replicas: %s, %s and %s on %s, all ready %.1f s after launch (started together on an empty database)", a, b, victim,
                db, seconds(t, System.nanoTime()));
        atA = Api.organizer(a);
        atB = atA.at(b); // a token signed by A is accepted by B
    }

    private static AppProcess.Builder replica(Path dir, String name) {
        return Suite.app(dir, name, db)
                .env("FORUMPASS_LIMITS_REGISTRATIONS_PER_MINUTE", Integer.toString(REGISTRATIONS_PER_MINUTE))
                // the test client stands for the load balancer: X-Forwarded-For is read only from trusted proxies
                .env("FORUMPASS_TRUSTED_PROXIES", "127.0.0.0/8,::1")
                // 150 registrations at once per replica queue for 32 connections behind one event row lock; the
                // test counts seats, not latency, so a slow box must not turn the last waiters into 503s
                .env("QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT", "30S");
    }

    @AfterAll
    static void stopEverything() {
        Suite.closeAll(a, b, victim, db);
    }

    @Test
    void twoReplicasKeepCountsExact() throws Exception {
        // 1. 300 people register at once for 10 seats, alternately at A and at B
        String rush = "rush-" + unique();
        atA.createEvent(rush, 10, false);
        List<SyntheticDelegate> crowd = new DelegateGenerator(77).generate(300);
        long t = System.nanoTime();
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < crowd.size(); i++) {
            String address = "10.7." + i / 250 + "." + (i % 250 + 1); // one delegate per address, under the limit
            calls.add(sendAsync((i % 2 == 0 ? atA : atB).register(rush, Api.delegate(crowd.get(i)), address)));
        }
        Map<String, Integer> outcome = new TreeMap<>();
        for (CompletableFuture<HttpResponse<String>> c : calls) {
            HttpResponse<String> r = c.get();
            outcome.merge(r.statusCode() == 201 ? read(r).path("status").asText() : "HTTP " + r.statusCode() + " " + problemCode(r),
                    1, Integer::sum);
        }
        double rushSeconds = seconds(t, System.nanoTime());
        assertEquals(Map.of("CONFIRMED", 10, "WAITLISTED", 290), outcome, "answers to the registration rush");
        JsonNode byStatus = atB.stats(rush).path("registrations").path("byStatus");
        assertEquals(10, byStatus.path("CONFIRMED").asInt(), "confirmed in /stats: " + byStatus);
        assertEquals(290, byStatus.path("WAITLISTED").asInt(), "waitlisted in /stats: " + byStatus);
        say("two replicas, registration rush: 300 at once for 10 seats, split between A and B, in %.1f s: %s", rushSeconds, outcome);

        // 2. every badge scanned at A and at B at the same instant, three rounds, each scan with its own nonce
        String slug = "scan-" + unique();
        atA.createEvent(slug, 300, true);
        List<String> codes = atA.importDelegatesWithBadges(slug, 200, 5);
        Map<String, String> acknowledged = new HashMap<>(); // device/nonce -> result
        Map<Integer, Integer> acceptedPerBadge = new HashMap<>();
        List<String> failures = new ArrayList<>();
        t = System.nanoTime();
        for (int round = 0; round < 3; round++) {
            Map<Scan, CompletableFuture<HttpResponse<String>>> wave = new LinkedHashMap<>();
            Map<Scan, Integer> badgeOf = new HashMap<>();
            for (int d = 0; d < codes.size(); d++) {
                for (Api node : List.of(atA, atB)) {
                    Scan s = new Scan(codes.get(d), "S1", "door-" + node.base.getPort(), UUID.randomUUID().toString());
                    badgeOf.put(s, d);
                    wave.put(s, sendAsync(node.scan(slug, s, Api.TIMEOUT)));
                }
            }
            for (Map.Entry<Scan, CompletableFuture<HttpResponse<String>>> e : wave.entrySet()) {
                HttpResponse<String> r = e.getValue().get();
                if (r.statusCode() != 200) {
                    failures.add("HTTP " + r.statusCode() + " " + r.body());
                    continue;
                }
                String result = read(r).path("result").asText();
                acknowledged.put(e.getKey().key(), result);
                if ("ACCEPTED".equals(result)) {
                    acceptedPerBadge.merge(badgeOf.get(e.getKey()), 1, Integer::sum);
                }
            }
        }
        // 3. one nonce sent to both replicas at once (a device retrying through the other replica): stored once
        int twinsAgreeing = 0;
        List<CompletableFuture<HttpResponse<String>>[]> twins = new ArrayList<>();
        List<Scan> twinScans = new ArrayList<>();
        for (int d = 0; d < 50; d++) {
            Scan s = new Scan(codes.get(d), null, "twin-door", UUID.randomUUID().toString());
            twinScans.add(s);
            @SuppressWarnings("unchecked")
            CompletableFuture<HttpResponse<String>>[] pair = new CompletableFuture[] {sendAsync(atA.scan(slug, s, Api.TIMEOUT)),
                    sendAsync(atB.scan(slug, s, Api.TIMEOUT))};
            twins.add(pair);
        }
        for (int i = 0; i < twins.size(); i++) {
            HttpResponse<String> ra = twins.get(i)[0].get();
            HttpResponse<String> rb = twins.get(i)[1].get();
            if (ra.statusCode() != 200 || rb.statusCode() != 200) {
                failures.add("twin HTTP " + ra.statusCode() + "/" + rb.statusCode() + " " + ra.body() + " " + rb.body());
                continue;
            }
            String resultA = read(ra).path("result").asText();
            String resultB = read(rb).path("result").asText();
            if (resultA.equals(resultB) && "ACCEPTED".equals(resultA)) {
                twinsAgreeing++;
            }
            acknowledged.put(twinScans.get(i).key(), resultA);
        }
        double scanSeconds = seconds(t, System.nanoTime());
        assertEquals(List.of(), failures, "every well-formed scan answers 200");
        assertEquals(50, twinsAgreeing, "a nonce sent to both replicas answers the same stored result (ACCEPTED at the entrance) at both");
        assertEquals(200, acceptedPerBadge.size(), "every delegate admitted to S1");
        assertTrue(acceptedPerBadge.values().stream().allMatch(n -> n == 1),
                "exactly one ACCEPTED answer per delegate in S1, got " + acceptedPerBadge.values().stream().filter(n -> n != 1).count()
                        + " delegates with more");
        JsonNode stats = atA.stats(slug);
        assertEquals(200, Api.checkedIn(stats, "S1"), "checked in to S1 in /stats");
        assertEquals(50, Api.checkedIn(stats, null), "checked in at the entrance in /stats");

        // 4. the scan log holds every acknowledged scan exactly once, and nothing else
        List<CSVRecord> log = atB.scanLog(slug);
        Map<String, Integer> logged = new HashMap<>();
        for (CSVRecord row : log) {
            logged.merge(row.get("Device") + "/" + row.get("Scan reference"), 1, Integer::sum);
        }
        Set<String> missing = new HashSet<>(acknowledged.keySet());
        missing.removeAll(logged.keySet());
        long doubled = logged.values().stream().filter(n -> n > 1).count();
        Set<String> unasked = new HashSet<>(logged.keySet());
        unasked.removeAll(acknowledged.keySet());
        assertEquals(Set.of(), missing, "acknowledged scans missing from the scan log");
        assertEquals(0, doubled, "scans logged more than once");
        assertEquals(Set.of(), unasked, "rows in the scan log that no answer acknowledged");
        assertEquals(1250, log.size(), "rows in the scan log: 1,200 scans at S1 + 50 at the entrance (each sent twice)");
        say("two replicas, scan rush: 200 badges scanned at A and B at once, 3 rounds, plus 50 nonces sent to both, in %.1f s: "
                + "%d answered 200, %d ACCEPTED at S1 (one per delegate), S1 checkedIn %d, entrance %d; scan log %d rows, "
                + "0 missing, 0 doubled", scanSeconds, 1200 + 100, acceptedPerBadge.size(), Api.checkedIn(stats, "S1"),
                Api.checkedIn(stats, null), log.size());
    }

    @Test
    void killNineLosesNoAcknowledgedScan() throws Exception {
        String slug = "kill-" + unique();
        atA.createEvent(slug, 200, true);
        List<String> codes = atA.importDelegatesWithBadges(slug, 100, 9);
        Api atVictim = atA.at(victim);

        // eight door devices scan back to back at the victim; each fails over to the survivor A after its first error
        record Attempt(Scan scan, boolean atVictim, boolean answered, int status, String result, String error) {
        }
        ConcurrentLinkedQueue<Attempt> attempts = new ConcurrentLinkedQueue<>();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger ackedAtVictim = new AtomicInteger();
        ExecutorService doors = Executors.newFixedThreadPool(8);
        List<Future<?>> devices = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String device = "door-k" + i;
            Random random = new Random(i);
            devices.add(doors.submit(() -> {
                boolean failedOver = false;
                while (running.get()) {
                    Scan s = new Scan(codes.get(random.nextInt(codes.size())), random.nextBoolean() ? "S1" : null, device,
                            UUID.randomUUID().toString());
                    Api target = failedOver ? atA : atVictim;
                    try {
                        HttpResponse<String> r = send(target.scan(slug, s, SCAN_TIMEOUT));
                        String result = r.statusCode() == 200 ? read(r).path("result").asText() : r.body();
                        attempts.add(new Attempt(s, !failedOver, true, r.statusCode(), result, null));
                        if (!failedOver && r.statusCode() == 200) {
                            ackedAtVictim.incrementAndGet();
                        }
                    } catch (IOException e) {
                        attempts.add(new Attempt(s, !failedOver, false, -1, null, e.toString()));
                        failedOver = true;
                    }
                }
                return null;
            }));
        }
        org.awaitility.Awaitility.await("400 scans acknowledged by the victim").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(20)).until(() -> ackedAtVictim.get() >= 400);
        long rssBefore = victim.rssKb();
        victim.kill9();
        long killedAt = System.nanoTime();
        // the devices carry on at the survivor for a while
        org.awaitility.Awaitility.await("200 scans acknowledged by the survivor").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> attempts.stream().filter(x -> !x.atVictim() && x.status() == 200).count() >= 200);
        running.set(false);
        double survivorSeconds = seconds(killedAt, System.nanoTime());
        for (Future<?> f : devices) {
            f.get();
        }
        doors.shutdown();

        List<Attempt> all = new ArrayList<>(attempts);
        List<Attempt> acked = all.stream().filter(x -> x.answered() && x.status() == 200).toList();
        List<Attempt> refused = all.stream().filter(x -> x.answered() && x.status() != 200).toList();
        List<Attempt> unanswered = all.stream().filter(x -> !x.answered()).toList();
        long ackedVictim = acked.stream().filter(Attempt::atVictim).count();
        assertEquals(List.of(), refused, "every scan answered, before and after the kill, answers 200");
        assertTrue(ackedVictim >= 100, "the victim acknowledged scans before it was killed: " + ackedVictim);
        assertTrue(acked.stream().anyMatch(x -> !x.atVictim()), "the devices carried on at the survivor");

        Stored stored = new Stored(db);
        long eventId = stored.eventId(slug);
        Map<String, String> rows = stored.scans(eventId);
        List<String> lost = acked.stream().filter(x -> !x.result().equals(rows.get(x.scan().key())))
                .map(x -> x.scan().key() + " answered " + x.result() + ", stored " + rows.get(x.scan().key())).toList();
        assertEquals(List.of(), lost, "every scan answered 200 is in the database with the result it was answered");
        long storedUnanswered = unanswered.stream().filter(x -> rows.containsKey(x.scan().key())).count();

        // the devices send again what got no answer, now to the survivor: stored once, answered as stored
        List<String> resendFailures = new ArrayList<>();
        for (Attempt x : unanswered) {
            HttpResponse<String> r = send(atA.scan(slug, x.scan(), SCAN_TIMEOUT));
            String before = rows.get(x.scan().key());
            if (r.statusCode() != 200) {
                resendFailures.add(x.scan().key() + ": HTTP " + r.statusCode() + " " + r.body());
            } else if (before != null && !before.equals(read(r).path("result").asText())) {
                resendFailures.add(x.scan().key() + ": stored " + before + " but the resend answered " + read(r).path("result").asText());
            }
        }
        // and a replay of everything the victim acknowledged answers, at the survivor, what the victim answered
        List<String> replayMismatches = new ArrayList<>();
        List<CompletableFuture<HttpResponse<String>>> replays = new ArrayList<>();
        List<Attempt> replayed = acked.stream().filter(Attempt::atVictim).toList();
        for (Attempt x : replayed) {
            replays.add(sendAsync(atA.scan(slug, x.scan(), Api.TIMEOUT)));
        }
        for (int i = 0; i < replayed.size(); i++) {
            HttpResponse<String> r = replays.get(i).get();
            String result = r.statusCode() == 200 ? read(r).path("result").asText() : "HTTP " + r.statusCode();
            if (!result.equals(replayed.get(i).result())) {
                replayMismatches.add(replayed.get(i).scan().key() + ": " + replayed.get(i).result() + " then " + result);
            }
        }
        assertEquals(List.of(), resendFailures, "scans resent to the survivor after the kill");
        assertEquals(List.of(), replayMismatches, "replays of acknowledged scans at the survivor");

        Map<String, String> after = stored.scans(eventId);
        Set<String> sent = new HashSet<>();
        all.forEach(x -> sent.add(x.scan().key()));
        assertEquals(sent, after.keySet(), "the scans stored are exactly the scans sent, each once");
        long acceptedRows = after.values().stream().filter("ACCEPTED"::equals).count();
        long checkIns = stored.count("select count(*) from checkin where event_id = ?", eventId);
        assertEquals(checkIns, acceptedRows, "one ACCEPTED scan per first check-in (all scans are IN)");
        say("kill -9 of one replica under load (8 devices, victim RSS %,d kB): %d scans acknowledged by the victim, %d in flight"
                        + " got no answer (%d of them had been stored), %d acknowledged by the survivor in the %.1f s after;"
                        + " all %d acknowledged scans in the database with their answered result; the %d unanswered resent to the"
                        + " survivor: stored once each; %d replays answered as first answered; %d rows, %d first check-ins",
                rssBefore, ackedVictim, unanswered.size(), storedUnanswered, acked.size() - ackedVictim,
                survivorSeconds, acked.size(), unanswered.size(), replayed.size(), after.size(), checkIns);
    }

    @Test
    void registrationLimitIsSharedAcrossReplicas() throws Exception {
        String slug = "limit-" + unique();
        atA.createEvent(slug, 100, false);
        List<SyntheticDelegate> people = new DelegateGenerator(31).generate(8);
        String address = "203.0.113.9"; // one client, whichever replica the load balancer picks
        awaitRoomInWindow(Duration.ofMinutes(1), Duration.ofSeconds(15));
        for (int i = 0; i < REGISTRATIONS_PER_MINUTE; i++) {
            Api node = i < 3 ? atA : atB;
            expect(send(node.register(slug, Api.delegate(people.get(i)), address)), 201, "registration " + (i + 1));
        }
        HttpResponse<String> sixth = send(atB.register(slug, Api.delegate(people.get(5)), address));
        HttpResponse<String> seventh = send(atA.register(slug, Api.delegate(people.get(6)), address));
        for (HttpResponse<String> r : List.of(sixth, seventh)) {
            assertEquals(429, r.statusCode(), r.uri() + ": " + r.body());
            assertEquals("registration.rate_limited", problemCode(r), r.body());
        }
        HttpResponse<String> otherClient = send(atB.register(slug, Api.delegate(people.get(7)), "203.0.113.10"));
        expect(otherClient, 201, "a registration from another address");
        assertEquals(REGISTRATIONS_PER_MINUTE + 1, atA.stats(slug).path("registrations").path("total").asInt(), "registrations stored");
        say("registration limit 5/min across replicas: from one address 3 at A and 2 at B answered 201, the 6th (at B) and the 7th"
                + " (at A) 429 registration.rate_limited; another address still 201");
    }

    @Test
    void signInThrottleIsSharedAcrossReplicas() throws Exception {
        String user = "gate-" + unique();
        expect(send(atA.post("/api/v1/staff", Map.of("username", user, "password", "door-password-7", "role", "door"),
                Api.TIMEOUT)), 201, "create door account");
        awaitRoomInWindow(Duration.ofMinutes(15), Duration.ofSeconds(15));
        for (int i = 0; i < 5; i++) { // FORUMPASS_LIMITS_FAILED_SIGN_INS defaults to 5
            HttpResponse<String> r = send((i % 2 == 0 ? atA : atB).login(user, "wrong-" + i + "-password"));
            assertEquals(401, r.statusCode(), r.body());
            assertEquals("auth.invalid_credentials", problemCode(r), r.body());
        }
        for (Api node : List.of(atB, atA)) {
            HttpResponse<String> r = send(node.login(user, "door-password-7"));
            assertEquals(429, r.statusCode(), "the right password after 5 failures split across replicas, at " + r.uri() + ": " + r.body());
            assertEquals("auth.too_many_attempts", problemCode(r), r.body());
        }
        expect(send(atB.login("admin", AppProcess.ADMIN_PASSWORD)), 200, "another account still signs in");
        say("sign-in throttle across replicas: 3 wrong passwords at A and 2 at B, then the right one answers 429 "
                + "auth.too_many_attempts at both");
    }

    /**
     * The packaged app makes its OpenAPI document on the first request, not at start (issue 18): eight requests at
     * once, four at each replica and the first each has had, all get the same whole document; YAML is served too.
     */
    @Test
    void apiDocumentIsMadeOnTheFirstRequestTheSameAtEveryReplica() throws Exception {
        List<CompletableFuture<HttpResponse<String>>> json = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            json.add(sendAsync((i % 2 == 0 ? atA : atB).get("/q/openapi?format=json")));
        }
        Set<String> bodies = new HashSet<>();
        for (CompletableFuture<HttpResponse<String>> f : json) {
            HttpResponse<String> r = expect(f.get(), 200, "the API document");
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), r.headers().toString());
            bodies.add(r.body());
        }
        assertEquals(1, bodies.size(), "every request, at both replicas, got the same document");
        JsonNode doc = read(expect(send(atA.get("/q/openapi?format=json")), 200, "the API document again"));
        assertEquals("ForumPass API", doc.path("info").path("title").asText(), doc.path("info").toString());
        assertTrue(doc.path("paths").has("/api/v1/events/{slug}/registrations"), "the registration operation is documented");
        HttpResponse<String> yaml = expect(send(atB.get("/q/openapi")), 200, "the API document as YAML");
        assertTrue(yaml.body().startsWith("---") || yaml.body().startsWith("openapi:"), yaml.body().substring(0, 80));
        assertTrue(yaml.body().contains("title: ForumPass API"), "the YAML document's title");
        say("API document: 8 first requests at once at A and B answered 200 with one document of %,d bytes; YAML %,d bytes",
                bodies.iterator().next().length(), yaml.body().length());
    }
}
