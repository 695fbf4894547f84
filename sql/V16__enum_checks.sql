-- Every column that holds an enum's name accepts only the names that enum has, spelled exactly (BINARY: the
-- tables' collation is case-insensitive, and 'normal' would pass a plain IN yet fail Enum.valueOf): a value
-- written outside the application is refused by the database instead of breaking every page that reads it.
-- The lists are the Java enums' constants (cases.Priority, CaseEventKind, CaseStatus, reference.ReferenceList,
-- partners.PracticeArea, funding.FunderKind, CostCategory); a new constant needs a new migration.
ALTER TABLE legal_case
    ADD CONSTRAINT ck_case_priority CHECK (priority IS NULL OR BINARY priority IN ('URGENT', 'HIGH', 'NORMAL')),
    ADD CONSTRAINT ck_case_status_exact CHECK (BINARY status IN ('REFERRED', 'PENDING_DOCUMENTS', 'ELIGIBLE', 'INELIGIBLE',
        'OFFERED', 'ASSIGNED', 'CLOSED'));

ALTER TABLE case_event
    ADD CONSTRAINT ck_event_kind CHECK (BINARY kind IN ('REFERRED', 'SCREENED', 'OFFERED', 'OFFER_ACCEPTED', 'OFFER_DECLINED',
        'OFFER_WITHDRAWN', 'RETURNED_TO_QUEUE', 'HEARING_RECORDED', 'CUSTODY_CHANGED', 'RELIEF_RECORDED', 'NOTICE_OF_APPEARANCE',
        'NOTE', 'CONFLICT_RECORDED', 'CLOSED', 'APPEAL_OPENED', 'CHARGED', 'BUDGET_OVERRIDE', 'MARKED_CONFIDENTIAL',
        'CONFIDENTIALITY_LIFTED')),
    ADD CONSTRAINT ck_event_from_status CHECK (from_status IS NULL OR BINARY from_status IN ('REFERRED', 'PENDING_DOCUMENTS',
        'ELIGIBLE', 'INELIGIBLE', 'OFFERED', 'ASSIGNED', 'CLOSED')),
    ADD CONSTRAINT ck_event_to_status CHECK (to_status IS NULL OR BINARY to_status IN ('REFERRED', 'PENDING_DOCUMENTS',
        'ELIGIBLE', 'INELIGIBLE', 'OFFERED', 'ASSIGNED', 'CLOSED'));

ALTER TABLE case_offer
    ADD CONSTRAINT ck_offer_status_exact CHECK (BINARY status IN ('PENDING', 'ACCEPTED', 'DECLINED', 'WITHDRAWN'));

ALTER TABLE hearing
    ADD CONSTRAINT ck_hearing_kind_exact CHECK (BINARY kind IN ('MASTER_CALENDAR', 'BOND', 'INDIVIDUAL_MERITS'));

ALTER TABLE custody_event
    ADD CONSTRAINT ck_custody_kind_exact CHECK (BINARY kind IN ('DETAINED', 'TRANSFERRED', 'RELEASED_BOND', 'RELEASED_PAROLE',
        'RELEASED_ATD', 'RELEASED_OTHER'));

ALTER TABLE relief_application
    ADD CONSTRAINT ck_relief_decision_exact CHECK (BINARY decision IN ('PENDING', 'GRANTED', 'DENIED', 'WITHDRAWN'));

ALTER TABLE reference_item
    ADD CONSTRAINT ck_reference_list CHECK (BINARY list_name IN ('REFERRAL_SOURCE', 'CASE_TYPE', 'RELIEF_TYPE', 'OUTCOME',
        'CUSTODY_RESULT', 'COURT', 'DETENTION_FACILITY', 'DECLINE_REASON', 'INELIGIBILITY_REASON'));

ALTER TABLE partner_practice_area
    ADD CONSTRAINT ck_practice_area CHECK (BINARY practice_area IN ('DETAINED_REMOVAL', 'NON_DETAINED_REMOVAL', 'BOND_HEARINGS',
        'ASYLUM', 'APPEALS', 'CHILDREN_SIJS', 'SURVIVORS_VAWA_U_T'));

ALTER TABLE user_account
    ADD CONSTRAINT ck_user_role_exact CHECK (BINARY role IN ('ADMIN', 'PARTNER', 'FUNDER'));

ALTER TABLE funder
    ADD CONSTRAINT ck_funder_kind CHECK (BINARY kind IN ('CITY', 'STATE_AGENCY', 'FOUNDATION', 'INDIVIDUAL', 'OTHER'));

ALTER TABLE case_cost
    ADD CONSTRAINT ck_cost_category CHECK (BINARY category IN ('ATTORNEY_HOURS', 'FLAT_FEE', 'INTERPRETER', 'EXPERT', 'FILING_FEE',
        'TRAVEL', 'DOCUMENTS', 'OTHER_EXPENSE')),
    ADD CONSTRAINT ck_cost_status_exact CHECK (BINARY status IN ('SUBMITTED', 'APPROVED', 'REJECTED'));

ALTER TABLE disbursement
    ADD CONSTRAINT ck_disbursement_status_exact CHECK (BINARY status IN ('SCHEDULED', 'PAID'));

ALTER TABLE account_token
    ADD CONSTRAINT ck_account_token_purpose_exact CHECK (BINARY purpose IN ('SET_PASSWORD', 'RESET_PASSWORD', 'SET_UP_TWO_FACTOR'));
