package org.forumpass.staff;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.forumpass.common.Db;
import org.forumpass.common.ForumPassConfig;

/**
 * What a token is checked against on every request: the account's active flag, role, events and token
 * version, read from the database at most every {@code forumpass.token.recheck} (5 s at most) per replica
 * and username. So a disabled, demoted or re-scoped account, or one whose password changed, loses every
 * token on every replica within that time; the replica that made the change forgets its copy at once.
 *
 * <p>The scan path signs in thousands of times a second: a fresh copy answers from memory; a stale one is
 * read by one worker thread per username while the other requests of that username wait for the same read.
 * When the database cannot be reached, the last copy read stands (no change can be committed meanwhile): once
 * a read failed so, requests answer from that copy at once, while one read per username keeps trying in the
 * background, so door scans do not wait for the pool to give up on a gone server every few seconds.
 */
@ApplicationScoped
public class StaffAccounts {
    static final Duration MAX_RECHECK = Duration.ofSeconds(5);

    /** An account as a token is checked against; {@code exists} false for a deleted or unknown username. */
    public record Snapshot(boolean exists, boolean active, String role, List<String> events, int tokenVersion,
                           long loadedAtNanos) {
    }

    @Inject
    ForumPassConfig config;

    private static final long DEGRADED_NANOS = Duration.ofSeconds(10).toNanos();

    private final ConcurrentHashMap<String, CompletableFuture<Snapshot>> cache = new ConcurrentHashMap<>();
    /** The last copy read of each username, answered from while the database is unreachable. */
    private final ConcurrentHashMap<String, Snapshot> lastRead = new ConcurrentHashMap<>();
    /** Until when (System.nanoTime) the database counts as unreachable, after a failed read; 0 when it is not. */
    private volatile long unreachableUntil;

    /** The account of {@code username}, from memory when read less than the recheck interval ago. */
    public CompletableFuture<Snapshot> get(String username) {
        CompletableFuture<Snapshot> f = cache.get(username);
        if (f != null && fresh(f)) {
            return f;
        }
        CompletableFuture<Snapshot> next = cache.compute(username,
                (u, old) -> old != null && (!old.isDone() || fresh(old)) ? old : load(u, old));
        Snapshot last = lastRead.get(username);
        long until = unreachableUntil;
        if (last != null && until != 0 && System.nanoTime() - until < 0 && !next.isDone()) {
            return CompletableFuture.completedFuture(last);
        }
        return next;
    }

    /** Forgets this replica's copy (after a change made here); other replicas notice within the recheck interval. */
    public void forget(String username) {
        cache.remove(username);
        lastRead.remove(username);
    }

    private boolean fresh(CompletableFuture<Snapshot> f) {
        if (!f.isDone() || f.isCompletedExceptionally()) {
            return false;
        }
        return System.nanoTime() - f.join().loadedAtNanos() < recheck().toNanos();
    }

    private Duration recheck() {
        Duration d = config.token().recheck();
        return d.compareTo(MAX_RECHECK) > 0 ? MAX_RECHECK : d;
    }

    private CompletableFuture<Snapshot> load(String username, CompletableFuture<Snapshot> previous) {
        Snapshot before = previous != null && previous.isDone() && !previous.isCompletedExceptionally() ? previous.join() : null;
        return CompletableFuture.supplyAsync(() -> {
            try {
                Snapshot read = read(username);
                lastRead.put(username, read);
                unreachableUntil = 0;
                return read;
            } catch (RuntimeException e) {
                if (Db.isUnavailable(e)) {
                    unreachableUntil = System.nanoTime() + DEGRADED_NANOS;
                }
                if (before != null && Db.isUnavailable(e)) {
                    return new Snapshot(before.exists(), before.active(), before.role(), before.events(), before.tokenVersion(),
                            System.nanoTime());
                }
                throw e;
            }
        }, Infrastructure.getDefaultWorkerPool());
    }

    private static Snapshot read(String username) {
        return QuarkusTransaction.requiringNew().call(() -> StaffAccount.findByUsername(username)
                .map(a -> new Snapshot(true, a.active, a.role.roleName, a.events(), a.tokenVersion, System.nanoTime()))
                .orElseGet(() -> new Snapshot(false, false, null, null, 0, System.nanoTime())));
    }
}
