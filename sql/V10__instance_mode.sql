-- What kind of instance this database belongs to. The server's mode (demo or production) is a setting of
-- the server, not of the database, so the application records here the mode it last started in; the
-- seeder (org.defensefund.tracker.seed) refuses a database last started in production, and records that
-- it wrote synthetic data, after which the application refuses to start on it in production mode: real
-- clients must never be mixed with invented ones.
CREATE TABLE instance_mode (
    id            INT          NOT NULL PRIMARY KEY,
    -- DEMO or PRODUCTION; NULL until the application has started on this database.
    mode          VARCHAR(12)  NULL,
    started_at    DATETIME(6)  NULL,
    -- Set when the seeder first wrote synthetic data; never cleared by the application.
    seeded_at     DATETIME(6)  NULL,
    seeded_cases  BIGINT       NOT NULL DEFAULT 0,
    seed_runs     INT          NOT NULL DEFAULT 0,
    CONSTRAINT ck_instance_mode_single CHECK (id = 1),
    CONSTRAINT ck_instance_mode_mode CHECK (mode IS NULL OR mode IN ('DEMO', 'PRODUCTION'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO instance_mode (id, mode, started_at) VALUES (1, NULL, NULL);
