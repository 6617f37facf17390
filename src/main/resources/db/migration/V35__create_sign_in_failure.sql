-- Failed sign-ins per (username, client address): consecutive failures and until when that pair is refused
-- (exponential back-off). A success deletes the row; rows idle for a day are deleted.
CREATE TABLE sign_in_failure (
    bucket        VARCHAR(200)  NOT NULL,
    failures      INT           NOT NULL,
    last_at       DATETIME(6)   NOT NULL,
    locked_until  DATETIME(6)   NULL,
    PRIMARY KEY (bucket),
    KEY ix_sign_in_failure_last (last_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
