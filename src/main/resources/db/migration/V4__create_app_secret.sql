CREATE TABLE app_secret (
    name         VARCHAR(64)   NOT NULL,
    secret_value VARCHAR(512)  NOT NULL,
    created_at   DATETIME(6)   NOT NULL,
    PRIMARY KEY (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
