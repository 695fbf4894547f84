-- The emergency purge (issue 15, point 3): one administrator proposes erasing the personal data of all clients or a
-- stated selection, a second one confirms with a fresh two-factor code within the time limit, then the matching clients
-- are erased in the background in batches (retention.PurgeRunner), each batch one transaction that moves the cursor
-- (last_client_id) and the count, so a purge interrupted by a restart resumes where it stopped. No personal data here.
CREATE TABLE erasure_purge (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    selection       VARCHAR(20)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    keep_held       BOOLEAN       NOT NULL,
    status          VARCHAR(12)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    proposed_by     VARCHAR(254)  NOT NULL,
    proposed_at     DATETIME(6)   NOT NULL,
    decided_by      VARCHAR(254)  NULL,
    decided_at      DATETIME(6)   NULL,
    total           BIGINT        NULL,
    erased          BIGINT        NOT NULL DEFAULT 0,
    last_client_id  BIGINT        NOT NULL DEFAULT 0,
    finished_at     DATETIME(6)   NULL,
    version         BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT ck_purge_selection CHECK (BINARY selection IN ('ALL', 'ENDED')),
    CONSTRAINT ck_purge_status CHECK (BINARY status IN ('PROPOSED', 'RUNNING', 'DONE', 'CANCELLED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_purge_status ON erasure_purge (status, id);
