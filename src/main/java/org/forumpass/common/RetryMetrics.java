package org.forumpass.common;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Publishes {@link Retry}'s count of transactions tried again after a conflict as the counter
 * {@code forumpass.db.conflicts.retried} (Prometheus: {@code forumpass_db_conflicts_retried_total}): on a Galera cluster
 * it shows how often nodes collide on the same rows, which a load balancer that sends all writes to one node avoids.
 */
@ApplicationScoped
class RetryMetrics {
    void register(@Observes StartupEvent e, MeterRegistry meters) {
        FunctionCounter.builder("forumpass.db.conflicts.retried", Retry.class, r -> Retry.retried())
                .description("Transactions tried again after a deadlock, lock timeout or certification failure").register(meters);
    }
}
