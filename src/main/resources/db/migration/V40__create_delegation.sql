-- Issue 15 (delegations): a group that one focal point registers and manages (a ministry, an embassy, a
-- company). Quotas are counters per category, taken with a conditional UPDATE (used < quota) in the member's
-- registration transaction, the same way as event seats: exact under concurrency, and on Galera a conflict
-- fails certification and is retried rather than overrunning. A registration names its delegation; it holds a
-- quota place (delegation_place) from being added until it is withdrawn, cancelled, rejected or erased.
CREATE TABLE delegation (
    id                BIGINT       NOT NULL AUTO_INCREMENT,
    public_id         VARCHAR(32)  NOT NULL,
    event_id          BIGINT       NOT NULL,
    name              VARCHAR(200) NOT NULL,
    country           VARCHAR(2)   NOT NULL,
    organization      VARCHAR(200) NOT NULL,
    focal_name        VARCHAR(200) NOT NULL,
    focal_email       VARCHAR(254) NOT NULL,
    focal_language    VARCHAR(8)   NOT NULL,
    token_version     INT          NOT NULL,
    created_at        DATETIME(6)  NOT NULL,
    updated_at        DATETIME(6)  NOT NULL,
    version           INT          NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_delegation_public_id (public_id),
    UNIQUE KEY uk_delegation_event_name (event_id, name),
    CONSTRAINT fk_delegation_event FOREIGN KEY (event_id) REFERENCES event (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE delegation_quota (
    delegation_id BIGINT      NOT NULL,
    category      VARCHAR(20) NOT NULL,
    quota         INT         NOT NULL,
    used          INT         NOT NULL,
    PRIMARY KEY (delegation_id, category),
    CONSTRAINT fk_delegation_quota_delegation FOREIGN KEY (delegation_id) REFERENCES delegation (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

ALTER TABLE registration ADD COLUMN delegation_id BIGINT;
ALTER TABLE registration ADD COLUMN delegation_place BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE registration ADD CONSTRAINT fk_registration_delegation FOREIGN KEY (delegation_id) REFERENCES delegation (id);
CREATE INDEX ix_registration_delegation ON registration (delegation_id);
