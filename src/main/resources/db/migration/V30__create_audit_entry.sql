-- Append-only record of what staff did: sign-ins, views and exports of personal data, decisions,
-- badge reissues, manual check-ins, imports, erasures. The application never updates or deletes a row.
CREATE TABLE audit_entry (
    id          BIGINT         NOT NULL AUTO_INCREMENT,
    at          DATETIME(6)    NOT NULL,
    actor       VARCHAR(64)    NOT NULL,
    action      VARCHAR(32)    NOT NULL,
    event_slug  VARCHAR(64),
    subject     VARCHAR(64),
    detail      VARCHAR(1000),
    PRIMARY KEY (id),
    KEY ix_audit_at (at),
    KEY ix_audit_event_at (event_slug, at),
    KEY ix_audit_actor_at (actor, at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
