-- Confidential cases: asylum (8 CFR 208.6), VAWA, T and U visa (8 U.S.C. 1367) information. A confidential
-- case's client details reach only the fund's administrators and the organization that accepted it; an
-- organization it is only offered to sees what it needs to decide. Who marked it and when are kept here
-- and on the timeline; every view of its details is in the audit trail.
ALTER TABLE legal_case
    ADD COLUMN confidential            BOOLEAN       NOT NULL DEFAULT FALSE,
    ADD COLUMN confidential_reason     VARCHAR(20),
    ADD COLUMN confidential_marked_by  VARCHAR(254),
    ADD COLUMN confidential_marked_at  DATETIME(6),
    ADD CONSTRAINT ck_case_confidential_reason CHECK (
        (confidential = FALSE AND confidential_reason IS NULL)
        OR (confidential = TRUE AND confidential_reason IN ('ASYLUM', 'VAWA', 'T_VISA', 'U_VISA', 'OTHER_PROTECTED')));
