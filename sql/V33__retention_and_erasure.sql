-- Retention, legal holds and the anonymisation of a client (issue 15, points 2 and 4).
--
-- client.erased_at: when the client's personal data was erased (retention.ClientErasure). The row stays, with the facts
-- the statistics count (country of birth, language, city, state, interpreter need) and its cases; its names are emptied
-- and the pages show a translated marker instead. A client erased once is never erased "again" by a re-applied ledger.
ALTER TABLE client ADD COLUMN erased_at DATETIME(6) NULL;
CREATE INDEX ix_client_erased ON client (erased_at);

-- The fund-wide retention rule: a client's personal data is erased this many whole years after the last of their cases
-- ended (closed, or found ineligible). One row; administrators change it; the default is explained in the README.
CREATE TABLE retention_rule (
    id                 TINYINT       NOT NULL PRIMARY KEY,
    years_after_close  INT           NOT NULL,
    changed_by         VARCHAR(254)  NOT NULL,
    changed_at         DATETIME(6)   NOT NULL,
    version            BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT ck_retention_rule_one CHECK (id = 1),
    CONSTRAINT ck_retention_rule_years CHECK (years_after_close BETWEEN 1 AND 50)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO retention_rule (id, years_after_close, changed_by, changed_at, version) VALUES (1, 3, 'system', NOW(6), 0);

-- A legal hold on a client: while one is in force (not lifted) neither the retention job nor a purge erases the client.
-- Holds are history: lifting one records who, when and why; a new hold is a new row.
CREATE TABLE legal_hold (
    id           BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
    client_id    BIGINT         NOT NULL,
    reason       VARCHAR(1000)  NOT NULL,
    placed_by    VARCHAR(254)   NOT NULL,
    placed_at    DATETIME(6)    NOT NULL,
    lift_reason  VARCHAR(1000)  NULL,
    lifted_by    VARCHAR(254)   NULL,
    lifted_at    DATETIME(6)    NULL,
    version      BIGINT         NOT NULL DEFAULT 0,
    CONSTRAINT fk_legal_hold_client FOREIGN KEY (client_id) REFERENCES client (id),
    CONSTRAINT ck_legal_hold_lifted CHECK ((lifted_at IS NULL) = (lifted_by IS NULL))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_legal_hold_client ON legal_hold (client_id, lifted_at);

-- The audit trail records an erasure (audit.AuditAction.ERASE): who, when, the client's id and why; no personal value.
ALTER TABLE audit_entry DROP CONSTRAINT ck_audit_action;
ALTER TABLE audit_entry DROP CONSTRAINT ck_audit_action_exact;
ALTER TABLE audit_entry
    ADD CONSTRAINT ck_audit_action_exact CHECK (BINARY action IN ('CREATE', 'UPDATE', 'DELETE', 'VIEW', 'ERASE'));

-- The database's identity, made once here: the purge ledger (a file outside the database) writes it on every line and
-- re-applies only the lines of this database, so a ledger never erases the clients of another database whose ids happen
-- to match (a new database, a test database). A backup carries the identity, so a restore is the same database.
CREATE TABLE database_identity (
    id    TINYINT   NOT NULL PRIMARY KEY,
    uuid  CHAR(36)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    CONSTRAINT ck_database_identity_one CHECK (id = 1)
) ENGINE = InnoDB;

INSERT INTO database_identity (id, uuid) VALUES (1, UUID());
