-- Organizers' alias list per event: an organization name (folded: case and spacing) that reports count
-- under another, e.g. "Alibaba Group Holding" -> "Alibaba Group".
CREATE TABLE organization_alias (
    id             BIGINT        NOT NULL AUTO_INCREMENT,
    event_id       BIGINT        NOT NULL,
    alias_key      VARCHAR(200)  NOT NULL,
    alias          VARCHAR(200)  NOT NULL,
    canonical      VARCHAR(200)  NOT NULL,
    canonical_key  VARCHAR(200)  NOT NULL,
    created_at     DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_organization_alias (event_id, alias_key),
    CONSTRAINT fk_organization_alias_event FOREIGN KEY (event_id) REFERENCES event (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
