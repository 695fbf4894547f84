-- Reminders (issue 16, point 2) and the transactional outbox they go through.
--
-- outbox_message: every message the application sends on its own (staff reminders, client reminders), written in the
-- transaction of the change that causes it and delivered by a scheduled job (outbox/OutboxDelivery), which claims due
-- rows with SELECT ... FOR UPDATE SKIP LOCKED, so two servers never send the same row. dedupe_key makes a message
-- once only (a user's digest of a day, an item's immediate reminder). recipient and body are personal data, stored
-- encrypted like a client's fields (v1: AES-GCM, shared/pii/PiiCipher); the subject is in clear and never holds a
-- name. case_id is kept without a foreign key: a message outlives nothing it names, and a purged case may not be held
-- back by its reminders.
CREATE TABLE outbox_message (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    dedupe_key      VARCHAR(200)  NOT NULL,
    channel         VARCHAR(10)   NOT NULL,
    kind            VARCHAR(40)   NOT NULL,
    case_id         BIGINT        NULL,
    recipient       VARCHAR(1000) NOT NULL,
    language        VARCHAR(10)   NOT NULL,
    subject         VARCHAR(300)  NOT NULL,
    body            MEDIUMTEXT    NOT NULL,
    status          VARCHAR(10)   NOT NULL DEFAULT 'PENDING',
    attempts        INT           NOT NULL DEFAULT 0,
    next_attempt_at DATETIME(6)   NOT NULL,
    last_error      VARCHAR(1000) NULL,
    created_at      DATETIME(6)   NOT NULL,
    sent_at         DATETIME(6)   NULL,
    CONSTRAINT uq_outbox_dedupe UNIQUE (dedupe_key),
    CONSTRAINT ck_outbox_channel CHECK (BINARY channel IN ('EMAIL')),
    CONSTRAINT ck_outbox_status CHECK (BINARY status IN ('PENDING', 'SENT', 'FAILED')),
    CONSTRAINT ck_outbox_attempts CHECK (attempts >= 0),
    CONSTRAINT ck_outbox_sent CHECK ((status = 'SENT') = (sent_at IS NOT NULL))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The delivery's claim: the pending rows due by now, oldest first, read through this index and locked one by one.
CREATE INDEX ix_outbox_due ON outbox_message (status, next_attempt_at, id);
-- The administrators' page: the latest messages first.
CREATE INDEX ix_outbox_created ON outbox_message (created_at, id);
CREATE INDEX ix_outbox_case ON outbox_message (case_id);

-- What each user chose in "My account": the daily digest and the immediate reminders (what is due within 24 hours).
-- No row means both on (the defaults).
CREATE TABLE reminder_preference (
    user_id      BIGINT      NOT NULL PRIMARY KEY,
    daily_digest BOOLEAN     NOT NULL DEFAULT TRUE,
    immediate    BOOLEAN     NOT NULL DEFAULT TRUE,
    updated_at   DATETIME(6) NOT NULL,
    version      BIGINT      NOT NULL DEFAULT 0,
    CONSTRAINT fk_reminder_preference_user FOREIGN KEY (user_id) REFERENCES user_account (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
