-- The public referral form (/refer/): its referrals come in with the source "Online form", and each keeps
-- what only that form collects, one row per case: the receipt shown to the visitor, the language the form
-- was filled in, who referred (the person themselves, someone close to them, an organization), the
-- referrer's phone or e-mail (encrypted as client data is: 'v1:' + base64 of IV, ciphertext and tag), and
-- the consent to be contacted with its time. The receipt is random (no order, no count, nothing to look up
-- with it from outside); staff read it on the case to match a caller's receipt.

INSERT INTO reference_item (list_name, code, name, detail, completed_in_court, counts_as_success, active, sort_order) VALUES
    ('REFERRAL_SOURCE', 'ONLINE_FORM', 'Online form', NULL, NULL, NULL, TRUE, 10);

CREATE TABLE online_referral (
    case_id            BIGINT         NOT NULL PRIMARY KEY,
    receipt_number     CHAR(9)        CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    form_language      VARCHAR(12)    CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    referrer_kind      VARCHAR(20)    CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    referrer_contact   VARCHAR(1200)  CHARACTER SET ascii COLLATE ascii_bin NULL,
    contact_consent    BOOLEAN        NOT NULL,
    submitted_at       DATETIME(6)    NOT NULL,
    version            BIGINT         NOT NULL DEFAULT 0,
    CONSTRAINT fk_online_referral_case FOREIGN KEY (case_id) REFERENCES legal_case (id),
    CONSTRAINT uq_online_referral_receipt UNIQUE (receipt_number),
    CONSTRAINT ck_online_referral_kind CHECK (BINARY referrer_kind IN ('SELF', 'FAMILY_OR_FRIEND', 'ORGANIZATION')),
    CONSTRAINT ck_online_referral_receipt CHECK (receipt_number REGEXP '^[A-Z2-9]{4}-[A-Z2-9]{4}$'),
    CONSTRAINT ck_online_referral_consent CHECK (contact_consent = TRUE)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
