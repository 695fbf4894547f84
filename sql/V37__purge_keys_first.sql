-- The emergency purge destroys the matching clients' own keys first, in large committed chunks, so that their sealed
-- personal data (names, A-number, birth date, phone, address: V36) is unreadable within minutes; the emptying of every
-- copy follows in the batches as before. keys_cursor is the last client whose key the purge destroyed, keys_destroyed
-- how many, keys_destroyed_at when the last chunk was done (from then on nothing sealed under their keys can be read).
ALTER TABLE erasure_purge
    ADD COLUMN keys_cursor       BIGINT       NOT NULL DEFAULT 0,
    ADD COLUMN keys_destroyed    BIGINT       NOT NULL DEFAULT 0,
    ADD COLUMN keys_destroyed_at DATETIME(6)  NULL;
