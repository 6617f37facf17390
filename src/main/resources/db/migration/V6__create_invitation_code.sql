CREATE TABLE invitation_code (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    event_id    BIGINT        NOT NULL,
    code        VARCHAR(64)   NOT NULL,
    label       VARCHAR(200),
    categories  VARCHAR(200),
    max_uses    INT,
    uses        INT           NOT NULL DEFAULT 0,
    expires_at  DATETIME(6),
    created_at  DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_invitation_code_event_code (event_id, code),
    CONSTRAINT fk_invitation_code_event FOREIGN KEY (event_id) REFERENCES event (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
