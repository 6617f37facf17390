-- Issue 18: the mails waiting to be sent. A mail is written here in the transaction that causes it (a registration,
-- an approval, a focal point's invitation), so it is sent if and only if that transaction commits, and it survives
-- a crash or a mail server that is away. Each replica's sender (MailOutbox) claims due rows by setting claim_token and
-- moving next_attempt_at a lease ahead, sends them, and deletes what the mail server took; a failed mail is tried
-- again later (attempts, last_error). The bodies hold private links, so a row lives only until its mail has left.
CREATE TABLE mail_outbox (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    created_at       DATETIME(6)   NOT NULL,
    next_attempt_at  DATETIME(6)   NOT NULL,
    attempts         INT           NOT NULL,
    claim_token      VARCHAR(36),
    recipient        VARCHAR(320)  NOT NULL,
    subject          VARCHAR(1000) NOT NULL,
    text_body        MEDIUMTEXT    NOT NULL,
    html_body        MEDIUMTEXT,
    what             VARCHAR(200)  NOT NULL,
    last_error       VARCHAR(500),
    PRIMARY KEY (id),
    KEY ix_mail_outbox_due (next_attempt_at),
    KEY ix_mail_outbox_claim (claim_token)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
