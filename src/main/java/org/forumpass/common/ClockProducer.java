package org.forumpass.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** "Now" comes from here so that tests can move time. It ticks in microseconds, as DATETIME(6) stores. */
@ApplicationScoped
public class ClockProducer {
    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), java.time.Duration.ofNanos(1000));
    }
}
