-- Languages of the pages (issue 14). The tags are those of shared.Languages.CATALOGUE: English, Spanish, Haitian
-- Creole, Brazilian Portuguese; a new language needs a new migration. BINARY: the collation is case-insensitive
-- and 'PT-br' must not pass.

-- The language its owner chose in "My account" or the header; NULL until they choose (the browser's language
-- is shown meanwhile). Account e-mails are written in it, English when it is NULL.
ALTER TABLE user_account
    ADD COLUMN language VARCHAR(10) NULL,
    ADD CONSTRAINT ck_user_account_language CHECK (language IS NULL OR BINARY language IN ('en', 'es', 'ht', 'pt-BR'));

-- The name of a reference item (a court, a case type, an outcome...) in a language other than English, kept by
-- administrators on the reference page. An item without a name in the page's language is shown by its own
-- (English) name. At most one name per item and language.
CREATE TABLE reference_item_translation (
    id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    item_id     BIGINT        NOT NULL,
    language    VARCHAR(10)   NOT NULL,
    name        VARCHAR(200)  NOT NULL,
    version     BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT uq_reference_item_translation UNIQUE (item_id, language),
    CONSTRAINT fk_reference_item_translation_item FOREIGN KEY (item_id) REFERENCES reference_item (id),
    CONSTRAINT ck_reference_item_translation_language CHECK (BINARY language IN ('es', 'ht', 'pt-BR')),
    CONSTRAINT ck_reference_item_translation_name CHECK (CHAR_LENGTH(TRIM(name)) > 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
