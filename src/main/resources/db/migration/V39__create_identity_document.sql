-- Issue 14 (identity): the categories that must give an identity document, and the documents themselves.
-- A document is kept only encrypted (AES-256-GCM under FORUMPASS_DATA_KEY, the registration's id bound as
-- associated data); number_hash is HMAC-SHA256 of the normalised number under a key derived from the data key,
-- so a search by number reads one index entry and decrypts nothing. Nothing else about the document is in clear.
ALTER TABLE event ADD COLUMN identity_required_for VARCHAR(200);

CREATE TABLE identity_document (
    registration_id BIGINT         NOT NULL,
    number_hash     VARCHAR(64)    NOT NULL,
    nonce           VARBINARY(12)  NOT NULL,
    ciphertext      VARBINARY(1024) NOT NULL,
    updated_at      DATETIME(6)    NOT NULL,
    PRIMARY KEY (registration_id),
    KEY ix_identity_document_number_hash (number_hash),
    CONSTRAINT fk_identity_document_registration FOREIGN KEY (registration_id) REFERENCES registration (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
