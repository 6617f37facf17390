-- Issue 16 (access zones): the areas of a venue that a badge opens (the plenary hall, a VIP lounge, the press
-- area), each for some delegate categories (categories NULL: every category) and, when opens_at / closes_at are
-- set, only during those hours. An event's zones are replaced as a whole (PUT .../zones) but rows are updated in
-- place by code, so that a session can name its zone by (event_id, code): the foreign key keeps a session from
-- naming a zone that is gone, even when a session's change and a zones' change race (the API answers 409
-- zone.in_use first, naming the sessions). A NULL zone_code (no zone) is not checked by the key.
CREATE TABLE access_zone (
    id           BIGINT        NOT NULL AUTO_INCREMENT,
    event_id     BIGINT        NOT NULL,
    position     INT           NOT NULL,
    code         VARCHAR(32)   NOT NULL,
    name_en      VARCHAR(100)  NOT NULL,
    name_zh      VARCHAR(100),
    color        VARCHAR(7)    NOT NULL,
    categories   VARCHAR(200),
    opens_at     DATETIME(6),
    closes_at    DATETIME(6),
    PRIMARY KEY (id),
    UNIQUE KEY uk_access_zone_event_code (event_id, code),
    CONSTRAINT fk_access_zone_event FOREIGN KEY (event_id) REFERENCES event (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

ALTER TABLE agenda_session ADD COLUMN zone_code VARCHAR(32) NULL;
CREATE INDEX ix_agenda_session_zone ON agenda_session (event_id, zone_code);
ALTER TABLE agenda_session ADD CONSTRAINT fk_agenda_session_zone FOREIGN KEY (event_id, zone_code)
    REFERENCES access_zone (event_id, code);
