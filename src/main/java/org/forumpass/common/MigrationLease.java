package org.forumpass.common;

import io.agroal.api.AgroalDataSource;
import io.quarkus.flyway.FlywayConfigurationCustomizer;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.jboss.logging.Logger;

/**
 * On a MariaDB Galera cluster, one replica at a time runs the schema migrations at start-up.
 *
 * <p>Why: Flyway keeps replicas from migrating at once with MySQL's {@code GET_LOCK}, which Galera keeps on the node
 * it was taken on. Replicas started together through different nodes then ran the same migrations side by side; DDL
 * runs cluster-wide and aborted the other replica's Flyway transaction (error 1213), and that replica failed to
 * start (seen in the Galera suite). A lock that holds across nodes is a committed row: two nodes inserting the same
 * primary key are settled by certification (one commits, the other fails at COMMIT) or by the key itself. So before
 * Flyway runs, the replica inserts the row of {@value #TABLE}, waiting while another replica holds it; it renews the
 * lease every few seconds and deletes the row once the app has started (Flyway's migrate-at-start runs before the
 * start-up event). A replica that dies holding it (kill -9) blocks the others for {@link #TTL} at most.</p>
 *
 * <p>The table is not one of Flyway's migrations (it must exist before they run). Flyway refuses to migrate a
 * non-empty schema without its history table, so on a fresh schema, which then holds only this table, Flyway is told
 * to start from an empty baseline (version 0, before every migration). Without Galera ({@code wsrep_on} off or
 * unknown: H2, MySQL, a single MariaDB) nothing changes: Flyway's own lock is enough there.</p>
 */
@Singleton
public class MigrationLease implements FlywayConfigurationCustomizer {
    private static final Logger LOG = Logger.getLogger(MigrationLease.class);
    static final String TABLE = "forumpass_migration_lease";
    /** How long a lease lasts without renewal: a replica that died holding it blocks the others this long. */
    static final Duration TTL = Duration.ofSeconds(30);
    private static final Duration RENEW_EVERY = Duration.ofSeconds(5);
    /** How long a starting replica waits for another one's migrations. */
    private static final Duration WAIT_AT_MOST = Duration.ofMinutes(10);

    @Inject
    AgroalDataSource dataSource;

    private final String owner = UUID.randomUUID().toString();
    private volatile ScheduledExecutorService renewer;

    @Override
    public void customize(FluentConfiguration configuration) {
        try {
            if (!galera()) {
                return;
            }
            execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (id INT NOT NULL PRIMARY KEY, owner VARCHAR(64) NOT NULL,"
                    + " expires_at DATETIME(3) NOT NULL)");
            acquire();
            if (freshSchema()) {
                configuration.baselineOnMigrate(true).baselineVersion("0");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not take the migration lease on the Galera cluster: " + e.getMessage(), e);
        }
    }

    /** Flyway has migrated (migrate-at-start runs before this event): the next replica may go. */
    void release(@Observes @Priority(2) StartupEvent e) {
        ScheduledExecutorService r = renewer;
        if (r == null) {
            return;
        }
        r.shutdownNow();
        renewer = null;
        try {
            Retry.onConflict(() -> {
                try {
                    execute("DELETE FROM " + TABLE + " WHERE id = 1 AND owner = '" + owner + "'");
                    return null;
                } catch (SQLException ex) {
                    throw new IllegalStateException(ex);
                }
            });
        } catch (RuntimeException ex) {
            LOG.warnf("Could not release the migration lease (it expires in %d s): %s", TTL.toSeconds(), ex.getMessage());
        }
    }

    private boolean galera() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT @@wsrep_on")) {
            return rs.next() && rs.getInt(1) == 1;
        } catch (SQLException unknownVariable) {
            return false; // H2, MySQL: no such variable
        }
    }

    /** Inserts the lease row, taking over an expired one; waits (jittered, up to 500 ms a try) while another replica holds it. */
    private void acquire() throws SQLException {
        long deadline = System.nanoTime() + WAIT_AT_MOST.toNanos();
        boolean told = false;
        while (true) {
            try {
                execute("DELETE FROM " + TABLE + " WHERE id = 1 AND expires_at < UTC_TIMESTAMP(3)");
                execute("INSERT INTO " + TABLE + " (id, owner, expires_at) VALUES (1, '" + owner + "', "
                        + "UTC_TIMESTAMP(3) + INTERVAL " + TTL.toSeconds() + " SECOND)");
                break;
            } catch (SQLException e) {
                if (!Db.isConstraintViolation(e) && !Retry.isConflict(e)) {
                    throw e;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new SQLException("another replica held the migration lease for " + WAIT_AT_MOST.toMinutes() + " min");
            }
            if (!told) {
                LOG.info("Another replica is migrating the schema on the Galera cluster; waiting for it");
                told = true;
            }
            try {
                Thread.sleep(100 + ThreadLocalRandom.current().nextLong(400));
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted while waiting for the migration lease", ie);
            }
        }
        ScheduledExecutorService r = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread t = new Thread(task, "migration-lease");
            t.setDaemon(true);
            return t;
        });
        r.scheduleWithFixedDelay(() -> {
            try {
                execute("UPDATE " + TABLE + " SET expires_at = UTC_TIMESTAMP(3) + INTERVAL " + TTL.toSeconds()
                        + " SECOND WHERE id = 1 AND owner = '" + owner + "'");
            } catch (SQLException ex) {
                LOG.warnf("Could not renew the migration lease: %s", ex.getMessage());
            }
        }, RENEW_EVERY.toMillis(), RENEW_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        renewer = r;
    }

    /** No history table yet and nothing in the schema but the lease: Flyway may start from an empty baseline. */
    private boolean freshSchema() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM information_schema.tables"
                     + " WHERE table_schema = DATABASE() AND table_name <> ?")) {
            ps.setString(1, TABLE);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getLong(1) == 0;
            }
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
