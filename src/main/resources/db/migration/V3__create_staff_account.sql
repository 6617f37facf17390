CREATE TABLE staff_account (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    username      VARCHAR(64)   NOT NULL,
    display_name  VARCHAR(100),
    staff_role    VARCHAR(20)   NOT NULL,
    password_hash VARCHAR(100)  NOT NULL,
    active        BOOLEAN       NOT NULL DEFAULT TRUE,
    created_at    DATETIME(6)   NOT NULL,
    updated_at    DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_staff_account_username (username)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
