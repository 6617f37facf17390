-- Staff trust: token_version is bumped whenever an account is disabled or its role, events or password
-- change, which ends every token issued before; event_scope lists the event slugs the account may act on
-- (comma-separated; NULL = every event).
ALTER TABLE staff_account ADD COLUMN token_version INT NOT NULL DEFAULT 0;
ALTER TABLE staff_account ADD COLUMN event_scope VARCHAR(2000) NULL;
