-- Issue 14, photo: the categories that must have an accepted photo before a badge exists, and each
-- registration's one photo (a re-encoded JPEG without metadata and its 96x128 thumbnail) with its review.
ALTER TABLE event ADD COLUMN photo_required_for VARCHAR(200);
UPDATE event SET photo_required_for = '';

CREATE TABLE registration_photo (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    registration_id  BIGINT        NOT NULL,
    status           VARCHAR(16)   NOT NULL,
    width            INT           NOT NULL,
    height           INT           NOT NULL,
    image            LONGBLOB      NOT NULL,
    thumbnail        LONGBLOB      NOT NULL,
    rejection_reason VARCHAR(500),
    uploaded_at      DATETIME(6)   NOT NULL,
    reviewed_at      DATETIME(6),
    reviewed_by      VARCHAR(64),
    version          INT           NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    UNIQUE KEY uk_registration_photo_registration (registration_id),
    KEY ix_registration_photo_status (status),
    CONSTRAINT fk_registration_photo_registration FOREIGN KEY (registration_id) REFERENCES registration (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
