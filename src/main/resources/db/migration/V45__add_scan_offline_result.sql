-- Issue 16 (door conflicts): what the door decided offline for a scan it queued, so that the organizers see the scans a
-- door admitted offline that the server refused when they arrived (offline_result 'ACCEPTED', result another verdict).
-- NULL for every scan decided online (and for uploads of door pages older than the field). Resolving a conflict is
-- stored on its scan row: when, by which account, with an optional note.
--
-- The index serves the conflicts report and its counts: an event's offline-accepted scans, ranged on the server's
-- verdict (result > 'ACCEPTED' is one range, as 'ACCEPTED' sorts before every other verdict), so the report reads only
-- the conflicts themselves, never the far more numerous scans a door and the server both admitted, nor the online ones
-- (NULL). The columns are added at the end and NULL: an instant change on MariaDB 10.3+ and MySQL 8.0.12+.
ALTER TABLE scan ADD COLUMN offline_result VARCHAR(32) NULL;
ALTER TABLE scan ADD COLUMN conflict_resolved_at DATETIME(6) NULL;
ALTER TABLE scan ADD COLUMN conflict_resolved_by VARCHAR(64) NULL;
ALTER TABLE scan ADD COLUMN conflict_note VARCHAR(500) NULL;
CREATE INDEX ix_scan_event_offline ON scan (event_id, offline_result, result);
