CREATE TABLE checkin (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    event_id         BIGINT        NOT NULL,
    registration_id  BIGINT        NOT NULL,
    session_key      BIGINT        NOT NULL,
    first_scanned_at DATETIME(6)   NOT NULL,
    first_device_id  VARCHAR(64)   NOT NULL,
    inside           BOOLEAN       NOT NULL,
    last_at          DATETIME(6)   NOT NULL,
    version          INT           NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    UNIQUE KEY uk_checkin_registration_session (registration_id, session_key),
    KEY ix_checkin_event_session (event_id, session_key, inside),
    CONSTRAINT fk_checkin_registration FOREIGN KEY (registration_id) REFERENCES registration (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
