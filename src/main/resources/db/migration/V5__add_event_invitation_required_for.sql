ALTER TABLE event ADD COLUMN invitation_required_for VARCHAR(200);
