-- Data protection: an event may set how many days after its end its delegates' personal data is kept;
-- an erased registration keeps its status, category, country and attendance, and records when it was erased.
ALTER TABLE event ADD COLUMN retention_days INT NULL;
ALTER TABLE registration ADD COLUMN erased_at DATETIME(6) NULL;
