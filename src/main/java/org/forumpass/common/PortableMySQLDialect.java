package org.forumpass.common;

import jakarta.persistence.Timeout;
import org.hibernate.dialect.DatabaseVersion;
import org.hibernate.dialect.MySQLDialect;
import org.hibernate.dialect.RowLockStrategy;
import org.hibernate.dialect.lock.PessimisticLockStyle;
import org.hibernate.dialect.lock.spi.ConnectionLockTimeoutStrategy;
import org.hibernate.dialect.lock.spi.LockTimeoutType;
import org.hibernate.dialect.lock.spi.LockingSupport;
import org.hibernate.dialect.lock.spi.OuterJoinLockingType;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolutionInfo;

/**
 * Hibernate's MySQL 8 dialect, writing only row locks that MySQL 8 and MariaDB both accept (issue 20): the
 * {@code -Pmysql} build (Connector/J) serves MySQL 8 in production and also runs against MariaDB, and MySQL 8's
 * {@code FOR UPDATE OF alias} and {@code FOR SHARE} are syntax errors on MariaDB. A locking query here ends in
 * {@code FOR UPDATE} or {@code LOCK IN SHARE MODE}, which both accept and which lock the same rows: ForumPass
 * locks one table per query. Everything else is MySQL 8's dialect as it is.
 */
public class PortableMySQLDialect extends MySQLDialect {
    private static final LockingSupport LOCKING = new Locking(new MySQLDialect().getLockingSupport());

    public PortableMySQLDialect() {
        super();
    }

    public PortableMySQLDialect(DatabaseVersion version) {
        super(version);
    }

    public PortableMySQLDialect(DialectResolutionInfo info) {
        super(info);
    }

    @Override
    protected boolean supportsAliasLocks() {
        return false;
    }

    @Override
    protected boolean supportsForShare() {
        return false;
    }

    @Override
    public LockingSupport getLockingSupport() {
        return LOCKING;
    }

    /** MySQL's locking support without the lock's alias list. */
    private record Locking(LockingSupport mysql) implements LockingSupport, LockingSupport.Metadata {
        @Override
        public Metadata getMetadata() {
            return this;
        }

        @Override
        public ConnectionLockTimeoutStrategy getConnectionLockTimeoutStrategy() {
            return mysql.getConnectionLockTimeoutStrategy();
        }

        @Override
        public PessimisticLockStyle getPessimisticLockStyle() {
            return mysql.getMetadata().getPessimisticLockStyle();
        }

        @Override
        public LockTimeoutType getLockTimeoutType(Timeout timeout) {
            return mysql.getMetadata().getLockTimeoutType(timeout);
        }

        @Override
        public RowLockStrategy getReadRowLockStrategy() {
            return RowLockStrategy.NONE;
        }

        @Override
        public RowLockStrategy getWriteRowLockStrategy() {
            return RowLockStrategy.NONE;
        }

        @Override
        public OuterJoinLockingType getOuterJoinLockingType() {
            return mysql.getMetadata().getOuterJoinLockingType();
        }

        @Override
        public boolean supportsForUpdate() {
            return mysql.getMetadata().supportsForUpdate();
        }

        @Override
        public boolean supportsWait() {
            return mysql.getMetadata().supportsWait();
        }

        @Override
        public boolean supportsNoWait() {
            return mysql.getMetadata().supportsNoWait();
        }

        @Override
        public boolean supportsSkipLocked() {
            return mysql.getMetadata().supportsSkipLocked();
        }
    }
}
