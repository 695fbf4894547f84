-- Issue 15, point 1: the client's personal data under the client's own key. The names join the A-number, birth date,
-- phone, street and postal code as 'v2:' ciphertext of a Tink AEAD keyset that is the client's alone (client_key, V32),
-- so destroying that key makes them unreadable everywhere at once. The application moves existing rows at start
-- (clients.ClientSealingAtStart); this script makes room for the ciphertext and replaces what the database could only do
-- with names in clear:
-- - the names become wide enough for the ciphertext of 100 characters of up to 4 bytes (base64 of 33 + 400 bytes);
--   their index goes (ciphertext can't be sorted or searched);
-- - client.sort_name keeps the first three letters of the last name, what the lists sort by (the trade-off is in the
--   README, "Per-client keys and key rotation"), and the cases' sort names are cut to the same three letters;
-- - the name search index is emptied: it is written again at start as keyed hashes of the words and their beginnings,
--   never the words.

ALTER TABLE client DROP INDEX ix_client_name;

ALTER TABLE client
    MODIFY first_name VARCHAR(600) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    MODIFY last_name  VARCHAR(600) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    ADD COLUMN sort_name VARCHAR(8) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NULL AFTER last_name;

UPDATE client SET sort_name = LEFT(TRIM(last_name), 3) WHERE last_name NOT LIKE 'v2:%';

UPDATE legal_case SET client_sort_name = LEFT(TRIM(client_sort_name), 3) WHERE CHAR_LENGTH(client_sort_name) > 3;

DELETE FROM client_name_word;
