ALTER TABLE event ADD COLUMN checkin_window_enabled BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE event ADD COLUMN checkin_opens_minutes_before INT NOT NULL DEFAULT 30;
