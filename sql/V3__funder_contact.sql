-- Funders get their contact details and the usual created/updated stamps.
ALTER TABLE funder
    ADD COLUMN contact_name VARCHAR(200) NULL,
    ADD COLUMN email        VARCHAR(254) NULL,
    ADD COLUMN phone        VARCHAR(40)  NULL,
    ADD COLUMN notes        VARCHAR(2000) NULL,
    ADD COLUMN created_at   DATETIME(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    ADD COLUMN updated_at   DATETIME(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6);

CREATE INDEX ix_funder_active_name ON funder (active, name);
