-- Client personal data encrypted at rest (AES-GCM in the application, key from the server's
-- configuration, never here). The encrypted columns hold 'v1:' + base64(IV || ciphertext || tag), so
-- they become text wide enough for the longest value the form allows (street: 200 characters of up to
-- 4 bytes). Street and postal code keep utf8mb4 so that plaintext from before (with accents) survives
-- the change until it is encrypted; the others held only digits and dates, so they become ASCII.
-- Rows written before this version are still plaintext after this script: the application encrypts
-- them at start (clients.ClientEncryptionAtStart) and fills the hash.
--
-- The database can no longer compare A-numbers, so their uniqueness and exact search move to a keyed
-- hash (HMAC-SHA256 of the nine digits, hex). The birth date index goes: ciphertext can't be ranged.

ALTER TABLE client DROP INDEX uq_client_a_number;
DROP INDEX ix_client_birth ON client;

ALTER TABLE client
    MODIFY a_number      VARCHAR(100)  CHARACTER SET ascii COLLATE ascii_bin NULL,
    MODIFY birth_date    VARCHAR(100)  CHARACTER SET ascii COLLATE ascii_bin NULL,
    MODIFY phone         VARCHAR(200)  CHARACTER SET ascii COLLATE ascii_bin NULL,
    MODIFY street        VARCHAR(1200) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
    MODIFY postal_code   VARCHAR(200)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
    ADD COLUMN a_number_hash CHAR(64)  CHARACTER SET ascii COLLATE ascii_bin NULL AFTER a_number;

CREATE UNIQUE INDEX uq_client_a_number_hash ON client (a_number_hash);
