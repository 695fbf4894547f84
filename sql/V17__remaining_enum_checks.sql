-- The enum columns V16 left without an exact CHECK: a grant's reporting schedule (funding.ReportingSchedule),
-- the uses a grant excludes (funding.CostCategory), and two whose checks (V5, V8) compared without case: the
-- audit trail's action (audit.AuditAction) and a confidential case's reason (cases.ConfidentialityReason). As in V16, BINARY: the collation is case-insensitive, and 'monthly' would pass
-- a plain IN yet fail Enum.valueOf. EnumColumnChecksIT fails when an enum column has no such check.
ALTER TABLE grant_award
    ADD CONSTRAINT ck_grant_reporting_schedule CHECK (BINARY reporting_schedule IN ('MONTHLY', 'QUARTERLY', 'SEMIANNUAL', 'ANNUAL',
        'END_OF_GRANT'));

ALTER TABLE grant_excluded_use
    ADD CONSTRAINT ck_grant_excluded_category CHECK (BINARY category IN ('ATTORNEY_HOURS', 'FLAT_FEE', 'INTERPRETER', 'EXPERT',
        'FILING_FEE', 'TRAVEL', 'DOCUMENTS', 'OTHER_EXPENSE'));

ALTER TABLE audit_entry
    ADD CONSTRAINT ck_audit_action_exact CHECK (BINARY action IN ('CREATE', 'UPDATE', 'DELETE', 'VIEW'));

ALTER TABLE legal_case
    ADD CONSTRAINT ck_case_confidential_reason_exact CHECK (confidential_reason IS NULL
        OR BINARY confidential_reason IN ('ASYLUM', 'VAWA', 'T_VISA', 'U_VISA', 'OTHER_PROTECTED'));
