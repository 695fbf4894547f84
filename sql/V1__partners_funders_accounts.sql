-- Platform schema: reference languages, partner organizations, funders, user accounts.
-- Every table uses utf8mb4 with an accent- and case-insensitive collation, so names match as people expect.

CREATE TABLE language (
    code        VARCHAR(12)  NOT NULL PRIMARY KEY,
    name        VARCHAR(100) NOT NULL,
    active      BOOLEAN      NOT NULL DEFAULT TRUE,
    sort_order  INT          NOT NULL DEFAULT 100
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE partner_organization (
    id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name           VARCHAR(200)  NOT NULL,
    contact_name   VARCHAR(200),
    email          VARCHAR(254),
    phone          VARCHAR(40),
    street         VARCHAR(200),
    city           VARCHAR(100),
    state          VARCHAR(50),
    postal_code    VARCHAR(20),
    case_capacity  INT           NOT NULL DEFAULT 0,
    notes          VARCHAR(2000),
    active         BOOLEAN       NOT NULL DEFAULT TRUE,
    created_at     DATETIME(6)   NOT NULL,
    updated_at     DATETIME(6)   NOT NULL,
    version        BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT uq_partner_name UNIQUE (name),
    CONSTRAINT ck_partner_capacity CHECK (case_capacity >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_partner_active_name ON partner_organization (active, name);
CREATE INDEX ix_partner_city ON partner_organization (city);

CREATE TABLE partner_language (
    partner_id     BIGINT       NOT NULL,
    language_code  VARCHAR(12)  NOT NULL,
    PRIMARY KEY (partner_id, language_code),
    CONSTRAINT fk_partner_language_partner FOREIGN KEY (partner_id) REFERENCES partner_organization (id),
    CONSTRAINT fk_partner_language_language FOREIGN KEY (language_code) REFERENCES language (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE partner_practice_area (
    partner_id     BIGINT       NOT NULL,
    practice_area  VARCHAR(40)  NOT NULL,
    PRIMARY KEY (partner_id, practice_area),
    CONSTRAINT fk_partner_practice_partner FOREIGN KEY (partner_id) REFERENCES partner_organization (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE funder (
    id       BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name     VARCHAR(200)  NOT NULL,
    kind     VARCHAR(20)   NOT NULL,
    active   BOOLEAN       NOT NULL DEFAULT TRUE,
    version  BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT uq_funder_name UNIQUE (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE user_account (
    id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    email            VARCHAR(254)  NOT NULL,
    display_name     VARCHAR(200)  NOT NULL,
    password_hash    VARCHAR(255)  NOT NULL,
    role             VARCHAR(20)   NOT NULL,
    partner_id       BIGINT,
    funder_id        BIGINT,
    active           BOOLEAN       NOT NULL DEFAULT TRUE,
    last_sign_in_at  DATETIME(6),
    created_at       DATETIME(6)   NOT NULL,
    version          BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT uq_user_email UNIQUE (email),
    CONSTRAINT fk_user_partner FOREIGN KEY (partner_id) REFERENCES partner_organization (id),
    CONSTRAINT fk_user_funder FOREIGN KEY (funder_id) REFERENCES funder (id),
    CONSTRAINT ck_user_role CHECK (role IN ('ADMIN', 'PARTNER', 'FUNDER')),
    -- A partner user belongs to exactly one partner organization, a funder user to one funder, an admin to neither.
    CONSTRAINT ck_user_binding CHECK (
        (role = 'ADMIN' AND partner_id IS NULL AND funder_id IS NULL)
        OR (role = 'PARTNER' AND partner_id IS NOT NULL AND funder_id IS NULL)
        OR (role = 'FUNDER' AND funder_id IS NOT NULL AND partner_id IS NULL))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Languages most often needed by clients of New England immigration courts first.
INSERT INTO language (code, name, sort_order) VALUES
    ('en', 'English', 1),
    ('es', 'Spanish', 2),
    ('pt', 'Portuguese', 3),
    ('ht', 'Haitian Creole', 4),
    ('kea', 'Cape Verdean Creole', 5),
    ('fr', 'French', 6),
    ('ar', 'Arabic', 7),
    ('zh', 'Mandarin Chinese', 8),
    ('yue', 'Cantonese', 9),
    ('vi', 'Vietnamese', 10),
    ('quc', 'K''iche''', 11),
    ('mam', 'Mam', 12),
    ('kjb', 'Q''anjob''al', 13),
    ('ru', 'Russian', 20),
    ('uk', 'Ukrainian', 20),
    ('prs', 'Dari', 20),
    ('ps', 'Pashto', 20),
    ('fa', 'Farsi', 20),
    ('so', 'Somali', 20),
    ('am', 'Amharic', 20),
    ('ti', 'Tigrinya', 20),
    ('sw', 'Swahili', 20),
    ('ln', 'Lingala', 20),
    ('wo', 'Wolof', 20),
    ('ff', 'Fula', 20),
    ('hi', 'Hindi', 20),
    ('pa', 'Punjabi', 20),
    ('bn', 'Bengali', 20),
    ('ne', 'Nepali', 20),
    ('tr', 'Turkish', 20),
    ('asl', 'American Sign Language', 30);
