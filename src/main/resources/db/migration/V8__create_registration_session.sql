CREATE TABLE registration_session (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    registration_id BIGINT        NOT NULL,
    session_id      BIGINT        NOT NULL,
    status          VARCHAR(16)   NOT NULL,
    holds_seat      BOOLEAN       NOT NULL DEFAULT FALSE,
    waitlisted_at   DATETIME(6),
    created_at      DATETIME(6)   NOT NULL,
    version            INT           NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    UNIQUE KEY uk_registration_session (registration_id, session_id),
    KEY ix_registration_session_queue (session_id, status, waitlisted_at),
    CONSTRAINT fk_registration_session_registration FOREIGN KEY (registration_id) REFERENCES registration (id),
    CONSTRAINT fk_registration_session_session FOREIGN KEY (session_id) REFERENCES agenda_session (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
