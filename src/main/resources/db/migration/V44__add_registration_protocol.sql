-- Issue 16 (protocol): organizers mark a delegate as a VIP with a rank (1 highest .. 5) and a protocol note
-- for the door and the protocol officers ("escort to front row, seat A3"). Only organizers set and see them; the
-- scan answer carries them to the door. The index serves the arrivals board, which every second reads an event's
-- VIPs with their first check-ins (a few hundred rows at most), on each replica that has a board open.
ALTER TABLE registration ADD COLUMN vip BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE registration ADD COLUMN vip_rank SMALLINT NULL;
ALTER TABLE registration ADD COLUMN protocol_note VARCHAR(500) NULL;
CREATE INDEX ix_registration_event_vip ON registration (event_id, vip);
