-- Reminders to clients (issue 16, point 3): a client's consent to hearing reminders by e-mail, and its withdrawal,
-- kept as history, one row per change of a case's consent: given or withdrawn, the e-mail address it applies to
-- (personal data, encrypted as a client's phone is: 'v1:' + base64 of IV, ciphertext and tag; none on a withdrawal),
-- where it was recorded (the staff's intake form, the public referral form, the case page), who recorded it and when.
-- The consent in force is the case's latest row. Rows are never changed.

CREATE TABLE reminder_consent (
    id            BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
    case_id       BIGINT         NOT NULL,
    given         BOOLEAN        NOT NULL,
    email         VARCHAR(1200)  CHARACTER SET ascii COLLATE ascii_bin NULL,
    source        VARCHAR(20)    CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    recorded_by   VARCHAR(254)   NOT NULL,
    recorded_at   DATETIME(6)    NOT NULL,
    CONSTRAINT fk_reminder_consent_case FOREIGN KEY (case_id) REFERENCES legal_case (id),
    CONSTRAINT ck_reminder_consent_source CHECK (BINARY source IN ('INTAKE_FORM', 'PUBLIC_FORM', 'CASE_PAGE')),
    CONSTRAINT ck_reminder_consent_email CHECK (given = (email IS NOT NULL))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A case's history in order, and its latest row.
CREATE INDEX ix_reminder_consent_case ON reminder_consent (case_id, id);

-- Consent given or withdrawn, and each reminder sent, are timeline entries.
ALTER TABLE case_event DROP CONSTRAINT ck_event_kind;
ALTER TABLE case_event
    ADD CONSTRAINT ck_event_kind CHECK (BINARY kind IN ('REFERRED', 'SCREENED', 'OFFERED', 'OFFER_ACCEPTED', 'OFFER_DECLINED',
        'OFFER_WITHDRAWN', 'RETURNED_TO_QUEUE', 'HEARING_RECORDED', 'CUSTODY_CHANGED', 'RELIEF_RECORDED', 'NOTICE_OF_APPEARANCE',
        'NOTE', 'CONFLICT_RECORDED', 'CLOSED', 'APPEAL_OPENED', 'CHARGED', 'BUDGET_OVERRIDE', 'MARKED_CONFIDENTIAL',
        'CONFIDENTIALITY_LIFTED', 'DEADLINE_MET', 'DEADLINE_WAIVED', 'REMINDER_CONSENT_GIVEN', 'REMINDER_CONSENT_WITHDRAWN',
        'CLIENT_REMINDER_SENT'));
