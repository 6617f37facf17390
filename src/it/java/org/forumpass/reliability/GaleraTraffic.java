package org.forumpass.reliability;

import static org.forumpass.reliability.Api.read;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.forumpass.ops.LocalGalera;
import org.forumpass.reliability.Api.Scan;
import org.forumpass.seed.DelegateGenerator;
import org.forumpass.seed.SyntheticDelegate;

/**
 * Steady traffic at some of a {@link GaleraRig}'s replicas while the suite breaks something: door devices and
 * delegates that register and scan back to back, each answer recorded with the replica and the time it came. A 503 is
 * what a replica answers while it cannot reach the database (the client waits a moment and goes on); a registration
 * may rarely be refused with 409 request.conflict (one event's seat counter written through three nodes at once: the
 * app retried it for 5 s), which {@link #assertFewConflicts} bounds; any other error, and a request left without an
 * answer for {@link #TIMEOUT} (a hang), is a failure.
 */
final class GaleraTraffic implements AutoCloseable {
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** One answer: at which replica (0 = A), what (register, scan), its status (-1: cut off, -2: no answer in time). */
    record Answer(int replica, String kind, int status, long atNanos, String key, String result) {
        boolean acknowledged() {
            return status == 200 || status == 201;
        }

        /** A registration refused with 409 request.conflict: its transaction lost to other nodes' for as long as the app retries. */
        boolean conflict() {
            return kind.equals("register") && status == 409 && result != null && result.contains("\"request.conflict\"");
        }
    }

    final ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
    private final GaleraRig rig;
    private final String registrationSlug;
    private final String scanSlug;
    private final List<String> badges;
    private final List<SyntheticDelegate> people;
    private final AtomicInteger nextPerson = new AtomicInteger();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final ExecutorService pool;

    /** {@code workers} devices at each of the {@code replicas} (0 = A, 1 = B, 2 = C), started at once. */
    GaleraTraffic(GaleraRig rig, String registrationSlug, String scanSlug, List<String> badges, int seed, int workers,
                  List<Integer> replicas) {
        this.rig = rig;
        this.registrationSlug = registrationSlug;
        this.scanSlug = scanSlug;
        this.badges = badges;
        this.people = new DelegateGenerator(seed).generate(20_000);
        this.pool = Executors.newFixedThreadPool(workers * replicas.size());
        for (int replica : replicas) {
            for (int w = 0; w < workers; w++) {
                String device = "galera-" + seed + "-" + replica + "-" + w;
                Random random = new Random(seed * 31L + replica * 7L + w);
                pool.submit(() -> work(replica, device, random));
            }
        }
    }

    private void work(int replica, String device, Random random) {
        Api api = rig.apis.get(replica);
        while (running.get()) {
            int i = nextPerson.getAndIncrement();
            if (i >= people.size()) {
                return;
            }
            String address = "10.8." + i / 250 % 250 + "." + (i % 250 + 1);
            Answer a = send(replica, "register", api.register(registrationSlug, Api.delegate(people.get(i)), address), null);
            pauseAfter(a);
            Scan s = new Scan(badges.get(random.nextInt(badges.size())), random.nextBoolean() ? "S1" : null, device,
                    UUID.randomUUID().toString());
            pauseAfter(send(replica, "scan", api.scan(scanSlug, s, TIMEOUT), s.key()));
        }
    }

    private Answer send(int replica, String kind, HttpRequest request, String key) {
        HttpRequest timed = HttpRequest.newBuilder(request, (n, v) -> true).timeout(TIMEOUT).build();
        Answer a;
        try {
            HttpResponse<String> r = Api.send(timed);
            String result = null;
            String id = key;
            if (r.statusCode() == 201) {
                id = read(r).path("id").asText();
                result = read(r).path("status").asText();
            } else if (r.statusCode() == 200) {
                result = read(r).path("result").asText();
            } else {
                result = r.body();
            }
            a = new Answer(replica, kind, r.statusCode(), System.nanoTime(), id, result);
        } catch (HttpTimeoutException e) {
            a = new Answer(replica, kind, -2, System.nanoTime(), key, e.toString());
        } catch (IOException e) {
            a = new Answer(replica, kind, -1, System.nanoTime(), key, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            a = new Answer(replica, kind, -1, System.nanoTime(), key, e.toString());
        }
        answers.add(a);
        return a;
    }

    /** After a refusal the device waits a moment (a 503 says Retry-After), as a door does before it tries again. */
    private void pauseAfter(Answer a) {
        if (!a.acknowledged()) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    long acknowledged() {
        return answers.stream().filter(Answer::acknowledged).count();
    }

    long acknowledgedSince(long nanos) {
        return answers.stream().filter(a -> a.acknowledged() && a.atNanos() > nanos).count();
    }

    /** The first answer acknowledged by this replica after {@code nanos}, or -1. */
    long firstAcknowledgedAfter(int replica, long nanos) {
        return answers.stream().filter(a -> a.replica() == replica && a.acknowledged() && a.atNanos() > nanos)
                .mapToLong(Answer::atNanos).min().orElse(-1);
    }

    /** The longest time, after {@code fromNanos}, in which this replica acknowledged nothing (up to the last answer). */
    double longestGap(int replica, long fromNanos) {
        long[] times = answers.stream().filter(a -> a.replica() == replica && a.acknowledged() && a.atNanos() > fromNanos)
                .mapToLong(Answer::atNanos).sorted().toArray();
        long last = answers.stream().mapToLong(Answer::atNanos).max().orElse(fromNanos);
        long previous = fromNanos;
        long gap = 0;
        for (long t : times) {
            gap = Math.max(gap, t - previous);
            previous = t;
        }
        return Math.max(gap, last - previous) / 1e9;
    }

    /**
     * Answers that are neither acknowledged, nor 503, nor a registration's conflict (nor, when {@code cutOffAllowed}, cut
     * off by a killed replica).
     */
    List<Answer> failures(boolean cutOffAllowed) {
        return answers.stream().filter(a -> !a.acknowledged() && a.status() != 503 && !a.conflict()
                && !(cutOffAllowed && a.status() == -1)).toList();
    }

    long conflicts() {
        return answers.stream().filter(Answer::conflict).count();
    }

    /** At most one registration in 200 refused with 409 request.conflict. */
    void assertFewConflicts() {
        long registrations = answers.stream().filter(a -> a.kind().equals("register") && a.status() > 0).count();
        org.junit.jupiter.api.Assertions.assertTrue(conflicts() * 200 <= registrations,
                conflicts() + " of " + registrations + " registrations answered 409 request.conflict");
    }

    long count(int status) {
        return answers.stream().filter(a -> a.status() == status).count();
    }

    /** Asserts that the node holds every acknowledged registration and every acknowledged scan with its answered result. */
    void assertStoredOn(LocalGalera.Node node) throws Exception {
        Stored stored = GaleraRig.stored(node);
        Set<String> registrations = stored.registrationIds(stored.eventId(registrationSlug));
        Map<String, String> scans = stored.scans(stored.eventId(scanSlug));
        List<String> lost = new ArrayList<>();
        for (Answer a : answers) {
            if (a.status() == 201 && !registrations.contains(a.key())) {
                lost.add("registration " + a.key());
            } else if (a.status() == 200 && !a.result().equals(scans.get(a.key()))) {
                lost.add("scan " + a.key() + " answered " + a.result() + ", stored " + scans.get(a.key()));
            }
        }
        assertEquals(List.of(), lost, "acknowledged writes missing on " + node);
    }

    /** Per replica: acknowledged / 503 / 409 request.conflict / other. */
    String summary() {
        Map<Integer, int[]> by = new HashMap<>();
        for (Answer a : answers) {
            int[] c = by.computeIfAbsent(a.replica(), k -> new int[4]);
            c[a.acknowledged() ? 0 : a.status() == 503 ? 1 : a.conflict() ? 2 : 3]++;
        }
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<Integer, int[]> e : by.entrySet()) {
            sb.append(sb.isEmpty() ? "" : ", ").append("ABC".charAt(e.getKey())).append(' ').append(e.getValue()[0])
                    .append(" acknowledged/").append(e.getValue()[1]).append(" 503/").append(e.getValue()[2])
                    .append(" 409 request.conflict/").append(e.getValue()[3]).append(" other");
        }
        return sb.toString();
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        pool.shutdown();
        if (!pool.awaitTermination(60, TimeUnit.SECONDS)) {
            pool.shutdownNow();
            throw new AssertionError("the traffic did not stop within 60 s");
        }
    }
}
