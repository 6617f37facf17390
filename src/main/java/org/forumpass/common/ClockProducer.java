package org.forumpass.common;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * "Now" comes from here so that tests can move time. It ticks as finely as the database keeps a time: in
 * microseconds, as DATETIME(6) stores, so that an answer that states a time (a check-in, a replayed scan) says what
 * a later read of the row will say.
 *
 * <p>One pairing keeps less (issue 20): MySQL Connector/J (the {@code -Pmysql} build) on MariaDB 10.x, which
 * introduces itself as "5.5.5-10.x": the driver takes it for MySQL 5.5 and sends times in whole seconds. There the
 * clock ticks in seconds, and the start-up log says to build with {@code -Pmariadb} for MariaDB.
 */
@ApplicationScoped
public class ClockProducer {
    private static final Logger LOG = Logger.getLogger(ClockProducer.class);
    private static final Duration MICROSECOND = Duration.ofNanos(1000);

    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String dbKind;

    @Inject
    Instance<AgroalDataSource> dataSource;

    private volatile Duration tick;

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), tick());
    }

    /**
     * The clock's step, the finest time the database keeps. The real time lies within one step after the clock's
     * reading: a lock that must last at least a while ends that while plus one step after the reading.
     */
    public Duration tick() {
        Duration t = tick;
        if (t == null) {
            tick = t = storedPrecision();
        }
        return t;
    }

    private Duration storedPrecision() {
        if (!"mysql".equals(dbKind) || !dataSource.isResolvable()) {
            return MICROSECOND;
        }
        try (Connection c = dataSource.get().getConnection()) {
            String version = c.getMetaData().getDatabaseProductVersion();
            if (wholeSecondsOnly(version)) {
                LOG.warnf("MySQL Connector/J reads the server \"%s\" as MySQL 5.5 and sends times in whole seconds, so"
                        + " ForumPass keeps times in whole seconds. For MariaDB, build with -Pmariadb (MariaDB's own driver).",
                        version);
                return Duration.ofSeconds(1);
            }
        } catch (SQLException e) {
            LOG.warnf("Could not ask the database its version (%s); times are kept in microseconds", e.getMessage());
        }
        return MICROSECOND;
    }

    /** MariaDB before 11 announces "5.5.5-10.x.y-MariaDB": Connector/J then truncates fractional seconds. */
    static boolean wholeSecondsOnly(String serverVersion) {
        return serverVersion != null && serverVersion.startsWith("5.5.5-");
    }
}
