-- One row per badge ever issued; a reissue revokes the old row and adds serial + 1. The scan path
-- finds a code by its SHA-256 digest (unique), so no signature is verified per scan.
CREATE TABLE badge (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    event_id        BIGINT        NOT NULL,
    registration_id BIGINT        NOT NULL,
    serial          INT           NOT NULL,
    kid             INT           NOT NULL,
    code            VARCHAR(120)  NOT NULL,
    digest          VARCHAR(43)   NOT NULL,
    issued_at       DATETIME(6)   NOT NULL,
    revoked_at      DATETIME(6)   NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_badge_digest (digest),
    UNIQUE KEY uk_badge_registration_serial (registration_id, serial),
    KEY ix_badge_event_revoked (event_id, revoked_at),
    CONSTRAINT fk_badge_registration FOREIGN KEY (registration_id) REFERENCES registration (id),
    CONSTRAINT fk_badge_key FOREIGN KEY (kid) REFERENCES badge_key (kid)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
