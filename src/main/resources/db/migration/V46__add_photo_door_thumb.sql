-- Issue 16, the door roster: each photo's small door thumbnail (60x80 JPEG, about 1.5 KB) and its digest. The roster
-- names a photo by the digest (signed with the rest), and a door fetches each thumbnail once, by digest, into its
-- encrypted offline copy. Made when a photo is stored; rows stored before are filled in when a roster first needs them.
ALTER TABLE registration_photo ADD COLUMN door_thumb LONGBLOB NULL;
ALTER TABLE registration_photo ADD COLUMN door_thumb_hash VARCHAR(43) NULL;
CREATE INDEX ix_registration_photo_door_thumb ON registration_photo (door_thumb_hash);
