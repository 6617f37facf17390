-- Issue 15 (badge desk): when a badge was first printed by an organizer, and when, how (SELF: the delegate; PROXY:
-- someone for them, named) and at whose desk it was handed out. A reissued badge is a new row: neither printed nor
-- collected. Collection is taken with a conditional UPDATE (collected_at IS NULL), so of two desks marking one badge
-- at once exactly one succeeds. The index serves the desk's list: an event's current badges, printed or not, collected
-- or not.
ALTER TABLE badge ADD COLUMN printed_at DATETIME(6) NULL;
ALTER TABLE badge ADD COLUMN collected_at DATETIME(6) NULL;
ALTER TABLE badge ADD COLUMN collected_by VARCHAR(16) NULL;
ALTER TABLE badge ADD COLUMN proxy_name VARCHAR(200) NULL;
ALTER TABLE badge ADD COLUMN handed_out_by VARCHAR(64) NULL;
CREATE INDEX ix_badge_event_collected ON badge (event_id, revoked_at, collected_at, printed_at);
