-- Categories a delegate may choose when registering online (the others come from imports and invitation
-- codes that name them). Events made before this column keep every category but STAFF.
ALTER TABLE event ADD COLUMN self_service_categories VARCHAR(200);
UPDATE event SET self_service_categories = 'GOVERNMENT,DIPLOMATIC,ACADEMIC,INDUSTRY,MEDIA,SPEAKER';
