-- Issue 15 (visa invitation letters): an event's letter settings (who issues and signs, and why the delegate
-- comes, in English and Chinese) and one letter per registration. A letter is REQUESTED, then ISSUED (with a
-- reference whose 80-bit random part cannot be guessed) or REJECTED (with the reason); REVOKED when its
-- registration is cancelled, rejected or erased. The letter keeps only what its public verification answers:
-- the holder's initials and the last four characters of the passport number, set when it is issued and
-- cleared when the registration is erased. The letter itself is drawn from the registration and its
-- (encrypted) identity document each time it is downloaded.
CREATE TABLE visa_letter_settings (
    event_id           BIGINT        NOT NULL,
    enabled            BOOLEAN       NOT NULL,
    issuer_name_en     VARCHAR(200),
    issuer_name_zh     VARCHAR(200),
    issuer_address_en  VARCHAR(300),
    issuer_address_zh  VARCHAR(300),
    signatory          VARCHAR(100),
    signatory_title_en VARCHAR(100),
    signatory_title_zh VARCHAR(100),
    purpose_en         VARCHAR(500),
    purpose_zh         VARCHAR(500),
    updated_at         DATETIME(6)   NOT NULL,
    PRIMARY KEY (event_id),
    CONSTRAINT fk_visa_letter_settings_event FOREIGN KEY (event_id) REFERENCES event (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE visa_letter (
    id                BIGINT       NOT NULL AUTO_INCREMENT,
    registration_id   BIGINT       NOT NULL,
    event_id          BIGINT       NOT NULL,
    state             VARCHAR(16)  NOT NULL,
    reference         VARCHAR(32),
    requested_at      DATETIME(6)  NOT NULL,
    requested_by      VARCHAR(64)  NOT NULL,
    issued_at         DATETIME(6),
    issued_by         VARCHAR(64),
    rejected_at       DATETIME(6),
    rejected_by       VARCHAR(64),
    rejection_reason  VARCHAR(500),
    revoked_at        DATETIME(6),
    holder_initials   VARCHAR(40),
    passport_last4    VARCHAR(4),
    version           INT          NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    UNIQUE KEY uk_visa_letter_registration (registration_id),
    UNIQUE KEY uk_visa_letter_reference (reference),
    KEY ix_visa_letter_event_state (event_id, state),
    CONSTRAINT fk_visa_letter_registration FOREIGN KEY (registration_id) REFERENCES registration (id) ON DELETE CASCADE,
    CONSTRAINT fk_visa_letter_event FOREIGN KEY (event_id) REFERENCES event (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
