-- Issue 15: the texts of a case that can name or reach its client (the referrer's name and contact, the case's notes and
-- "referred elsewhere", every timeline entry's summary, facts and reason, the notes and cancellation reason of hearings, the
-- notes of custody changes and relief applications, a partner's answer to an offer, a cost's and its decision's notes, a
-- case deadline's reason, a conflict's note, a legal hold's reasons) are stored sealed under the client's own key: 'v2:' +
-- base64 of Tink's ciphertext, about 4/3 of the text's bytes and 50 more. So their columns become TEXT; how long a text
-- people may type is still checked by the application, beside its field, as before. Destroying the client's key
-- (retention, a purge) makes every one of them unreadable at once.
ALTER TABLE legal_case
    MODIFY referrer_name TEXT NULL,
    MODIFY referrer_contact TEXT NULL,
    MODIFY notes TEXT NULL,
    MODIFY referred_elsewhere TEXT NULL;

ALTER TABLE case_event
    MODIFY summary TEXT NOT NULL,
    MODIFY reason TEXT NULL,
    MODIFY summary_parts TEXT NULL;

ALTER TABLE hearing MODIFY notes TEXT NULL, MODIFY cancel_reason TEXT NULL;
ALTER TABLE custody_event MODIFY notes TEXT NULL;
ALTER TABLE relief_application MODIFY notes TEXT NULL;
ALTER TABLE case_offer MODIFY response_note TEXT NULL;
ALTER TABLE case_cost MODIFY note TEXT NULL, MODIFY decision_note TEXT NULL;
ALTER TABLE deadline MODIFY reason TEXT NULL;
ALTER TABLE client_conflict MODIFY note TEXT NULL;
ALTER TABLE legal_hold MODIFY reason TEXT NOT NULL, MODIFY lift_reason TEXT NULL;

-- When the texts written before this version (in clear) were moved under their clients' keys: once, at the first start
-- after this migration (cases.CaseTextSealing), then never looked for again. The seeder writes them sealed and marks it.
CREATE TABLE case_text_sealing (
    id         TINYINT      NOT NULL PRIMARY KEY,
    sealed_at  DATETIME(6)  NOT NULL,
    moved      BIGINT       NOT NULL,
    CONSTRAINT ck_case_text_sealing_one CHECK (id = 1)
);
