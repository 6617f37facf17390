-- Ed25519 keys that sign badge codes. kid is the byte carried in each code, so a new key can be added
-- without invalidating badges already printed. The private key is encrypted (AES-256-GCM) with a key
-- from the environment (FORUMPASS_BADGE_KEY_ENCRYPTION_KEY).
CREATE TABLE badge_key (
    kid             INT           NOT NULL,
    public_key      VARCHAR(64)   NOT NULL,
    private_key_enc VARCHAR(255)  NOT NULL,
    active          BOOLEAN       NOT NULL,
    created_at      DATETIME(6)   NOT NULL,
    PRIMARY KEY (kid)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
