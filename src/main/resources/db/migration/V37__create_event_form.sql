-- Issue 14, item 1: the per-event form. One row per field of an event's form (in order), and one row per
-- answer a delegate gave. Answers keep their key and type, so a field removed from the form later keeps
-- its answers (organizers still see them in the registration view).
CREATE TABLE event_form_field (
    id           BIGINT         NOT NULL AUTO_INCREMENT,
    event_id     BIGINT         NOT NULL,
    position     INT            NOT NULL,
    field_key    VARCHAR(32)    NOT NULL,
    field_type   VARCHAR(16)    NOT NULL,
    label_en     VARCHAR(200)   NOT NULL,
    label_zh     VARCHAR(200),
    help_en      VARCHAR(1000),
    help_zh      VARCHAR(1000),
    required     BOOLEAN        NOT NULL DEFAULT FALSE,
    required_for VARCHAR(200),
    options      VARCHAR(10000),
    max_length   INT,
    PRIMARY KEY (id),
    UNIQUE KEY uk_event_form_field (event_id, field_key),
    CONSTRAINT fk_event_form_field_event FOREIGN KEY (event_id) REFERENCES event (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE registration_answer (
    id              BIGINT         NOT NULL AUTO_INCREMENT,
    registration_id BIGINT         NOT NULL,
    field_key       VARCHAR(32)    NOT NULL,
    field_type      VARCHAR(16)    NOT NULL,
    answer          VARCHAR(4000)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_registration_answer (registration_id, field_key),
    KEY ix_registration_answer_key (field_key),
    CONSTRAINT fk_registration_answer_registration FOREIGN KEY (registration_id) REFERENCES registration (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
