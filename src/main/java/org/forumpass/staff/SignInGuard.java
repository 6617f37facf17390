package org.forumpass.staff;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.forumpass.common.ClockProducer;
import org.forumpass.common.ForumPassConfig;
import org.forumpass.common.Retry;
import org.forumpass.common.Throttle;
import org.forumpass.common.error.DomainException;

/**
 * Failed sign-ins, counted in the database so that every replica refuses alike. Per (username, client
 * address): after {@code failedSignIns} failures in a row that pair waits {@code signInBackoff}, doubled with
 * each further failure, at most {@code signInWindow}; a success clears it. So an anonymous guesser locks out
 * only their own address, not the organizer signing in from the venue. Per username over all addresses, a
 * ceiling far above one address's share ({@code signInCeiling} in {@code signInWindow}) stops a guesser
 * spread over many addresses, at the price that such an attack can hold that username shut for the window.
 */
@ApplicationScoped
public class SignInGuard {
    private static final Duration FORGET_AFTER = Duration.ofDays(1);
    private final AtomicInteger sinceCleanup = new AtomicInteger();

    @Inject
    EntityManager em;
    @Inject
    Throttle throttle;
    @Inject
    ForumPassConfig config;
    @Inject
    Clock clock;
    @Inject
    ClockProducer clocks;
    @Inject
    jakarta.enterprise.inject.Instance<SignInGuard> self;

    /** 429 {@code auth.too_many_attempts} while the pair waits or the username is over its ceiling. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void check(String username, String address) {
        Instant now = clock.instant();
        List<?> rows = em.createNativeQuery("select locked_until from sign_in_failure where bucket = ?1")
                .setParameter(1, bucket(username, address)).getResultList();
        Instant until = rows.isEmpty() || rows.get(0) == null ? null : toInstant(rows.get(0));
        if (until != null && until.isAfter(now)) {
            long seconds = Math.max(1, Duration.between(now, until).toMillis() / 1000 + 1);
            throw new DomainException(StaffError.TOO_MANY_ATTEMPTS,
                    "Too many failed sign-ins for this account from your address; try again in " + seconds + " s");
        }
        String key = ceilingKey(username);
        if (throttle.count(key, config.limits().signInWindow()) >= config.limits().signInCeiling()) {
            throw new DomainException(StaffError.TOO_MANY_ATTEMPTS, "Too many failed sign-ins for this account; try again after "
                    + throttle.window(key, config.limits().signInWindow()).end());
        }
    }

    /**
     * Counts a failure of the pair and of the username; the pair waits once it reached the free attempts. Each count
     * is a transaction of its own, tried again on a conflict (two nodes of a Galera cluster counting at once).
     */
    public void failed(String username, String address) {
        Retry.onConflict(() -> {
            self.get().failedOnce(username, address);
            return null;
        });
        throttle.hit(ceilingKey(username), config.limits().signInWindow());
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void failedOnce(String username, String address) {
        Instant now = clock.instant();
        LocalDateTime at = utc(now);
        String bucket = bucket(username, address);
        em.createNativeQuery("insert into sign_in_failure (bucket, failures, last_at) values (?1, 1, ?2)"
                        + " on duplicate key update failures = case when last_at < ?3 then 1 else failures + 1 end, last_at = ?2")
                .setParameter(1, bucket).setParameter(2, at).setParameter(3, utc(now.minus(FORGET_AFTER))).executeUpdate();
        int failures = ((Number) em.createNativeQuery("select failures from sign_in_failure where bucket = ?1")
                .setParameter(1, bucket).getSingleResult()).intValue();
        Duration wait = wait(failures);
        if (!wait.isZero()) {
            em.createNativeQuery("update sign_in_failure set locked_until = ?1 where bucket = ?2")
                    .setParameter(1, utc(now.plus(wait).plus(clocks.tick()))).setParameter(2, bucket).executeUpdate();
        }
        if (sinceCleanup.incrementAndGet() % 1000 == 0) {
            em.createNativeQuery("delete from sign_in_failure where last_at < ?1").setParameter(1, utc(now.minus(FORGET_AFTER)))
                    .executeUpdate();
        }
    }

    /** A success forgets the pair's failures. */
    public void succeeded(String username, String address) {
        Retry.onConflict(() -> {
            self.get().succeededOnce(username, address);
            return null;
        });
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void succeededOnce(String username, String address) {
        em.createNativeQuery("delete from sign_in_failure where bucket = ?1").setParameter(1, bucket(username, address))
                .executeUpdate();
    }

    /** Nothing before the free attempts are used; then the back-off, doubled per failure, at most the window. */
    Duration wait(int failures) {
        int free = Math.max(1, config.limits().failedSignIns());
        if (failures < free) {
            return Duration.ZERO;
        }
        Duration max = config.limits().signInWindow();
        int doublings = Math.min(failures - free, 30);
        Duration d = config.limits().signInBackoff().multipliedBy(1L << doublings);
        return d.compareTo(max) > 0 ? max : d;
    }

    private static String bucket(String username, String address) {
        return username + "|" + (address == null ? "-" : address);
    }

    private static String ceilingKey(String username) {
        return "login:" + username;
    }

    private static LocalDateTime utc(Instant i) {
        return LocalDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    private static Instant toInstant(Object value) {
        if (value instanceof java.sql.Timestamp t) {
            return t.toLocalDateTime().toInstant(ZoneOffset.UTC);
        }
        if (value instanceof LocalDateTime l) {
            return l.toInstant(ZoneOffset.UTC);
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        throw new IllegalStateException("unexpected time " + value.getClass());
    }
}
