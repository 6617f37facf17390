package org.forumpass.common;

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

/**
 * Fixed-window counters in the database, so that every replica sees the same count: a hit is one
 * {@code INSERT ... ON DUPLICATE KEY UPDATE} (MySQL, MariaDB and H2 in MySQL mode), settled by the primary key.
 * A hit is its own transaction, tried again on a conflict: on a Galera cluster two replicas counting one client
 * through two nodes at once collide at COMMIT (certification failure), and the loser's hit must still count, once.
 */
@ApplicationScoped
public class Throttle {
    private final AtomicInteger sinceCleanup = new AtomicInteger();

    @Inject
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    jakarta.enterprise.inject.Instance<Throttle> self;

    /** The window a key is counted in, and when it ends. */
    public record Window(String bucket, Instant start, Instant end) {
    }

    public Window window(String key, Duration length) {
        long len = length.toMillis();
        long start = clock.instant().toEpochMilli() / len * len; // not clock.millis(): a micro-tick clock divides by zero there (JDK 17)
        return new Window(key + "@" + start, Instant.ofEpochMilli(start), Instant.ofEpochMilli(start + len));
    }

    /** Counts one hit and answers the hits in the current window, this one included. */
    public int hit(String key, Duration length) {
        return Retry.onConflict(() -> self.get().hitOnce(key, length));
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int hitOnce(String key, Duration length) {
        Window w = window(key, length);
        em.createNativeQuery("insert into throttle (bucket, hits, window_start) values (?1, 1, ?2)"
                + " on duplicate key update hits = hits + 1")
                .setParameter(1, w.bucket()).setParameter(2, LocalDateTime.ofInstant(w.start(), ZoneOffset.UTC)).executeUpdate();
        if (sinceCleanup.incrementAndGet() % 1000 == 0) {
            em.createNativeQuery("delete from throttle where window_start < ?1")
                    .setParameter(1, LocalDateTime.ofInstant(clock.instant().minus(Duration.ofDays(1)), ZoneOffset.UTC))
                    .executeUpdate();
        }
        return count(w);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int count(String key, Duration length) {
        return count(window(key, length));
    }

    public void clear(String key, Duration length) {
        Retry.onConflict(() -> {
            self.get().clearOnce(key, length);
            return null;
        });
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void clearOnce(String key, Duration length) {
        em.createNativeQuery("delete from throttle where bucket = ?1").setParameter(1, window(key, length).bucket()).executeUpdate();
    }

    private int count(Window w) {
        List<?> rows = em.createNativeQuery("select hits from throttle where bucket = ?1").setParameter(1, w.bucket())
                .getResultList();
        return rows.isEmpty() ? 0 : ((Number) rows.get(0)).intValue();
    }
}
