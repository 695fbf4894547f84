-- The tamper-evident audit trail: every change of a record and every opening of a client's record, with
-- who, when, what, and the old and new values. Each entry's hash covers its content and the previous
-- entry's hash, so editing or deleting a row breaks the chain at that row. The application only ever
-- inserts here; audit_head holds the last hash and is locked while entries are appended, one
-- transaction after another.
CREATE TABLE audit_entry (
    id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    occurred_at  DATETIME(6)   NOT NULL,
    actor        VARCHAR(254)  NOT NULL,
    action       VARCHAR(10)   NOT NULL,
    record_type  VARCHAR(60)   NOT NULL,
    record_id    VARCHAR(60)   NOT NULL,
    old_values   MEDIUMTEXT,
    new_values   MEDIUMTEXT,
    prev_hash    CHAR(64)      NOT NULL,
    hash         CHAR(64)      NOT NULL,
    CONSTRAINT ck_audit_action CHECK (action IN ('CREATE', 'UPDATE', 'DELETE', 'VIEW'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_audit_record ON audit_entry (record_type, record_id, id);
CREATE INDEX ix_audit_actor ON audit_entry (actor, id);
CREATE INDEX ix_audit_time ON audit_entry (occurred_at);

CREATE TABLE audit_head (
    id         INT       NOT NULL PRIMARY KEY,
    last_hash  CHAR(64)  NOT NULL,
    CONSTRAINT ck_audit_head_single CHECK (id = 1)
) ENGINE = InnoDB;

INSERT INTO audit_head (id, last_hash) VALUES (1, REPEAT('0', 64));
