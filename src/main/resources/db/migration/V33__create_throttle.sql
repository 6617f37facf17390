-- Fixed-window counters shared by every replica: failed sign-ins per username, registrations per client
-- address. One row per key and window; old windows are deleted as new ones start.
CREATE TABLE throttle (
    bucket        VARCHAR(200)  NOT NULL,
    hits          INT           NOT NULL,
    window_start  DATETIME(6)   NOT NULL,
    PRIMARY KEY (bucket),
    KEY ix_throttle_window (window_start)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
