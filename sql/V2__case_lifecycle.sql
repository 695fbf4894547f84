-- Case lifecycle: reference lists, clients, cases, offers, hearings, custody, relief, timeline.

-- One table for the reference lists the fund's staff extend (sources, case types, relief, outcomes,
-- custody results, courts, facilities, decline and ineligibility reasons).
CREATE TABLE reference_item (
    id                  BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    list_name           VARCHAR(40)   NOT NULL,
    code                VARCHAR(40)   NOT NULL,
    name                VARCHAR(200)  NOT NULL,
    detail              VARCHAR(300),
    -- Outcomes only: decided in court (relief, termination, closure, voluntary departure, removal) ...
    completed_in_court  BOOLEAN,
    -- ... and whether the client may remain (what published success rates count).
    counts_as_success   BOOLEAN,
    active              BOOLEAN       NOT NULL DEFAULT TRUE,
    sort_order          INT           NOT NULL DEFAULT 100,
    version             BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT uq_reference_item UNIQUE (list_name, code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO reference_item (list_name, code, name, detail, completed_in_court, counts_as_success, active, sort_order) VALUES
    ('REFERRAL_SOURCE', 'HOTLINE', 'Hotline', NULL, NULL, NULL, TRUE, 1),
    ('REFERRAL_SOURCE', 'COMMUNITY_ORG', 'Community organization', NULL, NULL, NULL, TRUE, 2),
    ('REFERRAL_SOURCE', 'KYR_SESSION', 'Know Your Rights session', NULL, NULL, NULL, TRUE, 3),
    ('REFERRAL_SOURCE', 'DETENTION_VISIT', 'Detention visit', NULL, NULL, NULL, TRUE, 4),
    ('REFERRAL_SOURCE', 'COURT_WATCH', 'Court-watch volunteer', NULL, NULL, NULL, TRUE, 5),
    ('REFERRAL_SOURCE', 'FAMILY', 'Family member', NULL, NULL, NULL, TRUE, 6),
    ('REFERRAL_SOURCE', 'CITY_OFFICE', 'City office', NULL, NULL, NULL, TRUE, 7),
    ('REFERRAL_SOURCE', 'PARTNER', 'Partner organization', NULL, NULL, NULL, TRUE, 8),
    ('REFERRAL_SOURCE', 'SELF', 'Self-referral', NULL, NULL, NULL, TRUE, 9),

    ('CASE_TYPE', 'RMV', 'Removal (RMV)', NULL, NULL, NULL, TRUE, 1),
    ('CASE_TYPE', 'DEP', 'Deportation (DEP)', NULL, NULL, NULL, TRUE, 2),
    ('CASE_TYPE', 'AOC', 'Asylum-only (AOC)', NULL, NULL, NULL, TRUE, 3),
    ('CASE_TYPE', 'CFR', 'Credible fear review (CFR)', NULL, NULL, NULL, TRUE, 4),
    ('CASE_TYPE', 'RFR', 'Reasonable fear review (RFR)', NULL, NULL, NULL, TRUE, 5),
    ('CASE_TYPE', 'WHO', 'Withholding-only (WHO)', NULL, NULL, NULL, TRUE, 6),

    ('RELIEF_TYPE', 'ASYLUM', 'Asylum', NULL, NULL, NULL, TRUE, 1),
    ('RELIEF_TYPE', 'WITHHOLDING', 'Withholding of removal (INA 241(b)(3))', NULL, NULL, NULL, TRUE, 2),
    ('RELIEF_TYPE', 'CAT_WITHHOLDING', 'CAT withholding', NULL, NULL, NULL, TRUE, 3),
    ('RELIEF_TYPE', 'CAT_DEFERRAL', 'CAT deferral', NULL, NULL, NULL, TRUE, 4),
    ('RELIEF_TYPE', 'CANCELLATION_LPR', 'Cancellation of removal (permanent residents)', NULL, NULL, NULL, TRUE, 5),
    ('RELIEF_TYPE', 'CANCELLATION_NON_LPR', 'Cancellation of removal (non-permanent residents)', NULL, NULL, NULL, TRUE, 6),
    ('RELIEF_TYPE', 'ADJUSTMENT', 'Adjustment of status', NULL, NULL, NULL, TRUE, 7),
    ('RELIEF_TYPE', 'SIJS', 'Special Immigrant Juvenile Status (SIJS)', NULL, NULL, NULL, TRUE, 8),
    ('RELIEF_TYPE', 'U_VISA', 'U visa', NULL, NULL, NULL, TRUE, 9),
    ('RELIEF_TYPE', 'T_VISA', 'T visa', NULL, NULL, NULL, TRUE, 10),
    ('RELIEF_TYPE', 'VAWA', 'VAWA', NULL, NULL, NULL, TRUE, 11),
    ('RELIEF_TYPE', 'TPS', 'Temporary Protected Status (TPS)', NULL, NULL, NULL, TRUE, 12),
    ('RELIEF_TYPE', 'VOLUNTARY_DEPARTURE', 'Voluntary departure', NULL, NULL, NULL, TRUE, 13),
    ('RELIEF_TYPE', 'BOND', 'Bond / release from custody', NULL, NULL, NULL, TRUE, 14),
    ('RELIEF_TYPE', 'TERMINATION', 'Termination', NULL, NULL, NULL, TRUE, 15),
    ('RELIEF_TYPE', 'ADMIN_CLOSURE', 'Administrative closure', NULL, NULL, NULL, TRUE, 16),
    ('RELIEF_TYPE', 'PROSECUTORIAL_DISCRETION', 'Prosecutorial discretion', NULL, NULL, NULL, TRUE, 17),

    ('OUTCOME', 'RELIEF_GRANTED', 'Relief granted', NULL, TRUE, TRUE, TRUE, 1),
    ('OUTCOME', 'TERMINATED', 'Proceedings terminated or dismissed', NULL, TRUE, TRUE, TRUE, 2),
    ('OUTCOME', 'ADMIN_CLOSED', 'Administrative closure', NULL, TRUE, TRUE, TRUE, 3),
    ('OUTCOME', 'VOLUNTARY_DEPARTURE', 'Voluntary departure', NULL, TRUE, FALSE, TRUE, 4),
    ('OUTCOME', 'REMOVAL_ORDERED', 'Removal ordered', NULL, TRUE, FALSE, TRUE, 5),
    ('OUTCOME', 'CLIENT_WITHDREW', 'Client withdrew or lost contact', NULL, FALSE, FALSE, TRUE, 6),
    ('OUTCOME', 'ATTORNEY_WITHDREW', 'Attorney withdrew', NULL, FALSE, FALSE, TRUE, 7),
    ('OUTCOME', 'TRANSFERRED_OUT', 'Transferred out of the area', NULL, FALSE, FALSE, TRUE, 8),
    ('OUTCOME', 'OTHER', 'Other', NULL, FALSE, FALSE, TRUE, 9),

    ('CUSTODY_RESULT', 'RELEASED_BOND', 'Released on bond', NULL, NULL, NULL, TRUE, 1),
    ('CUSTODY_RESULT', 'RELEASED_PAROLE', 'Released on parole', NULL, NULL, NULL, TRUE, 2),
    ('CUSTODY_RESULT', 'RELEASED_ATD', 'Released to alternatives to detention', NULL, NULL, NULL, TRUE, 3),
    ('CUSTODY_RESULT', 'REMAINED_DETAINED', 'Remained detained', NULL, NULL, NULL, TRUE, 4),
    ('CUSTODY_RESULT', 'NEVER_DETAINED', 'Never detained', NULL, NULL, NULL, TRUE, 5),

    ('COURT', 'BOS', 'Boston Immigration Court', 'JFK Federal Building, 15 New Sudbury St., Boston, MA', NULL, NULL, TRUE, 1),
    ('COURT', 'CHL', 'Chelmsford Immigration Court', '150 Apollo Dr., Chelmsford, MA (opened 2024 as "Lowell")', NULL, NULL, TRUE, 2),

    ('DETENTION_FACILITY', 'PLYMOUTH', 'Plymouth County Correctional Facility', 'Plymouth, MA', NULL, NULL, TRUE, 1),
    ('DETENTION_FACILITY', 'STRAFFORD', 'Strafford County House of Corrections', 'Dover, NH', NULL, NULL, TRUE, 2),
    ('DETENTION_FACILITY', 'WYATT', 'Donald W. Wyatt Detention Facility', 'Central Falls, RI', NULL, NULL, TRUE, 3),
    ('DETENTION_FACILITY', 'OUT_OF_AREA', 'Facility outside New England', 'transferred out of the area', NULL, NULL, TRUE, 4),
    ('DETENTION_FACILITY', 'BRISTOL', 'Bristol County House of Correction', 'North Dartmouth, MA (ICE contract ended)', NULL, NULL, FALSE, 10),
    ('DETENTION_FACILITY', 'FRANKLIN', 'Franklin County House of Correction', 'Greenfield, MA (ICE contract ended)', NULL, NULL, FALSE, 11),
    ('DETENTION_FACILITY', 'SUFFOLK', 'Suffolk County House of Correction', 'Boston, MA (ICE contract ended)', NULL, NULL, FALSE, 12),

    ('DECLINE_REASON', 'NO_CAPACITY', 'No capacity', NULL, NULL, NULL, TRUE, 1),
    ('DECLINE_REASON', 'CONFLICT', 'Conflict of interest', NULL, NULL, NULL, TRUE, 2),
    ('DECLINE_REASON', 'LANGUAGE', 'Cannot serve the language', NULL, NULL, NULL, TRUE, 3),
    ('DECLINE_REASON', 'PRACTICE', 'Outside our practice', NULL, NULL, NULL, TRUE, 4),
    ('DECLINE_REASON', 'OTHER', 'Other', NULL, NULL, NULL, TRUE, 5),

    ('INELIGIBILITY_REASON', 'SERVICE_AREA', 'Lives outside the service area', NULL, NULL, NULL, TRUE, 1),
    ('INELIGIBILITY_REASON', 'NOT_IN_PROCEEDINGS', 'Not in or facing removal proceedings', NULL, NULL, NULL, TRUE, 2),
    ('INELIGIBILITY_REASON', 'INCOME', 'Income above the fund''s limit', NULL, NULL, NULL, TRUE, 3),
    ('INELIGIBILITY_REASON', 'HAS_COUNSEL', 'Already represented', NULL, NULL, NULL, TRUE, 4),
    ('INELIGIBILITY_REASON', 'OTHER', 'Other', NULL, NULL, NULL, TRUE, 5);

CREATE TABLE client (
    id                  BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    first_name          VARCHAR(100)  NOT NULL,
    last_name           VARCHAR(100)  NOT NULL,
    birth_date          DATE,
    country_of_birth    CHAR(2),
    language_code       VARCHAR(12),
    interpreter_needed  BOOLEAN       NOT NULL DEFAULT FALSE,
    a_number            CHAR(9),
    phone               VARCHAR(40),
    street              VARCHAR(200),
    city                VARCHAR(100),
    state               VARCHAR(50),
    postal_code         VARCHAR(20),
    created_at          DATETIME(6)   NOT NULL,
    updated_at          DATETIME(6)   NOT NULL,
    version             BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT uq_client_a_number UNIQUE (a_number),
    CONSTRAINT fk_client_language FOREIGN KEY (language_code) REFERENCES language (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_client_name ON client (last_name, first_name);
CREATE INDEX ix_client_birth ON client (birth_date, last_name);

-- A partner that must never get this client's cases (e.g. it represents an adverse party).
CREATE TABLE client_conflict (
    id           BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
    client_id    BIGINT         NOT NULL,
    partner_id   BIGINT         NOT NULL,
    note         VARCHAR(1000),
    recorded_at  DATETIME(6)    NOT NULL,
    recorded_by  VARCHAR(254)   NOT NULL,
    CONSTRAINT uq_client_conflict UNIQUE (client_id, partner_id),
    CONSTRAINT fk_conflict_client FOREIGN KEY (client_id) REFERENCES client (id),
    CONSTRAINT fk_conflict_partner FOREIGN KEY (partner_id) REFERENCES partner_organization (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE SEQUENCE case_number_seq START WITH 1 INCREMENT BY 1 NOCACHE;

CREATE TABLE legal_case (
    id                         BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
    case_number                VARCHAR(20)    NOT NULL,
    client_id                  BIGINT         NOT NULL,
    status                     VARCHAR(20)    NOT NULL,
    priority                   VARCHAR(10),
    referral_source_id         BIGINT,
    referrer_name              VARCHAR(200),
    referrer_contact           VARCHAR(200),
    referral_date              DATE           NOT NULL,
    detained                   BOOLEAN        NOT NULL DEFAULT FALSE,
    facility_id                BIGINT,
    next_hearing_date          DATE,
    court_id                   BIGINT,
    case_type_id               BIGINT,
    notes                      VARCHAR(4000),
    lives_in_service_area      BOOLEAN,
    in_removal_proceedings     BOOLEAN,
    income_eligible            BOOLEAN,
    ineligibility_reason_id    BIGINT,
    referred_elsewhere         VARCHAR(300),
    screened_at                DATETIME(6),
    partner_id                 BIGINT,
    attorney_name              VARCHAR(200),
    assigned_at                DATETIME(6),
    notice_of_appearance_date  DATE,
    outcome_id                 BIGINT,
    custody_result_id          BIGINT,
    outcome_date               DATE,
    closed_at                  DATETIME(6),
    appeal_of_id               BIGINT,
    appeal_deadline            DATE,
    created_at                 DATETIME(6)    NOT NULL,
    updated_at                 DATETIME(6)    NOT NULL,
    version                    BIGINT         NOT NULL DEFAULT 0,
    CONSTRAINT uq_case_number UNIQUE (case_number),
    CONSTRAINT ck_case_status CHECK (status IN ('REFERRED', 'PENDING_DOCUMENTS', 'ELIGIBLE', 'INELIGIBLE', 'OFFERED', 'ASSIGNED', 'CLOSED')),
    CONSTRAINT fk_case_client FOREIGN KEY (client_id) REFERENCES client (id),
    CONSTRAINT fk_case_source FOREIGN KEY (referral_source_id) REFERENCES reference_item (id),
    CONSTRAINT fk_case_facility FOREIGN KEY (facility_id) REFERENCES reference_item (id),
    CONSTRAINT fk_case_court FOREIGN KEY (court_id) REFERENCES reference_item (id),
    CONSTRAINT fk_case_type FOREIGN KEY (case_type_id) REFERENCES reference_item (id),
    CONSTRAINT fk_case_ineligibility FOREIGN KEY (ineligibility_reason_id) REFERENCES reference_item (id),
    CONSTRAINT fk_case_partner FOREIGN KEY (partner_id) REFERENCES partner_organization (id),
    CONSTRAINT fk_case_outcome FOREIGN KEY (outcome_id) REFERENCES reference_item (id),
    CONSTRAINT fk_case_custody_result FOREIGN KEY (custody_result_id) REFERENCES reference_item (id),
    CONSTRAINT fk_case_appeal_of FOREIGN KEY (appeal_of_id) REFERENCES legal_case (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_case_status ON legal_case (status, priority, referral_date);
CREATE INDEX ix_case_partner ON legal_case (partner_id, status);
CREATE INDEX ix_case_client ON legal_case (client_id);
CREATE INDEX ix_case_hearing ON legal_case (next_hearing_date);

CREATE TABLE case_offer (
    id                 BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
    case_id            BIGINT         NOT NULL,
    partner_id         BIGINT         NOT NULL,
    status             VARCHAR(12)    NOT NULL,
    offered_at         DATETIME(6)    NOT NULL,
    offered_by         VARCHAR(254)   NOT NULL,
    responded_at       DATETIME(6),
    responded_by       VARCHAR(254),
    decline_reason_id  BIGINT,
    response_note      VARCHAR(1000),
    attorney_name      VARCHAR(200),
    version            BIGINT         NOT NULL DEFAULT 0,
    CONSTRAINT ck_offer_status CHECK (status IN ('PENDING', 'ACCEPTED', 'DECLINED', 'WITHDRAWN')),
    CONSTRAINT fk_offer_case FOREIGN KEY (case_id) REFERENCES legal_case (id),
    CONSTRAINT fk_offer_partner FOREIGN KEY (partner_id) REFERENCES partner_organization (id),
    CONSTRAINT fk_offer_decline FOREIGN KEY (decline_reason_id) REFERENCES reference_item (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_offer_case ON case_offer (case_id, offered_at);
CREATE INDEX ix_offer_pending ON case_offer (status, offered_at);
CREATE INDEX ix_offer_partner ON case_offer (partner_id, status);

CREATE TABLE hearing (
    id            BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
    case_id       BIGINT         NOT NULL,
    kind          VARCHAR(20)    NOT NULL,
    court_id      BIGINT,
    scheduled_at  DATETIME       NOT NULL,
    result        VARCHAR(500),
    notes         VARCHAR(2000),
    recorded_by   VARCHAR(254)   NOT NULL,
    created_at    DATETIME(6)    NOT NULL,
    version       BIGINT         NOT NULL DEFAULT 0,
    CONSTRAINT ck_hearing_kind CHECK (kind IN ('MASTER_CALENDAR', 'BOND', 'INDIVIDUAL_MERITS')),
    CONSTRAINT fk_hearing_case FOREIGN KEY (case_id) REFERENCES legal_case (id),
    CONSTRAINT fk_hearing_court FOREIGN KEY (court_id) REFERENCES reference_item (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_hearing_case ON hearing (case_id, scheduled_at);
CREATE INDEX ix_hearing_when ON hearing (scheduled_at);

CREATE TABLE custody_event (
    id           BIGINT          NOT NULL AUTO_INCREMENT PRIMARY KEY,
    case_id      BIGINT          NOT NULL,
    kind         VARCHAR(20)     NOT NULL,
    facility_id  BIGINT,
    event_date   DATE            NOT NULL,
    bond_amount  DECIMAL(19, 2),
    notes        VARCHAR(1000),
    recorded_by  VARCHAR(254)    NOT NULL,
    created_at   DATETIME(6)     NOT NULL,
    CONSTRAINT ck_custody_kind CHECK (kind IN ('DETAINED', 'TRANSFERRED', 'RELEASED_BOND', 'RELEASED_PAROLE', 'RELEASED_ATD', 'RELEASED_OTHER')),
    CONSTRAINT ck_custody_bond CHECK (bond_amount IS NULL OR bond_amount >= 0),
    CONSTRAINT fk_custody_case FOREIGN KEY (case_id) REFERENCES legal_case (id),
    CONSTRAINT fk_custody_facility FOREIGN KEY (facility_id) REFERENCES reference_item (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_custody_case ON custody_event (case_id, event_date);

CREATE TABLE relief_application (
    id              BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
    case_id         BIGINT         NOT NULL,
    relief_type_id  BIGINT         NOT NULL,
    filed_on        DATE,
    decided_on      DATE,
    decision        VARCHAR(12)    NOT NULL DEFAULT 'PENDING',
    notes           VARCHAR(1000),
    recorded_by     VARCHAR(254)   NOT NULL,
    created_at      DATETIME(6)    NOT NULL,
    version         BIGINT         NOT NULL DEFAULT 0,
    CONSTRAINT ck_relief_decision CHECK (decision IN ('PENDING', 'GRANTED', 'DENIED', 'WITHDRAWN')),
    CONSTRAINT ck_relief_dates CHECK (decided_on IS NULL OR filed_on IS NULL OR decided_on >= filed_on),
    CONSTRAINT fk_relief_case FOREIGN KEY (case_id) REFERENCES legal_case (id),
    CONSTRAINT fk_relief_type FOREIGN KEY (relief_type_id) REFERENCES reference_item (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_relief_case ON relief_application (case_id);

-- The timeline: every status change and significant edit, who, when, why.
CREATE TABLE case_event (
    id           BIGINT          NOT NULL AUTO_INCREMENT PRIMARY KEY,
    case_id      BIGINT          NOT NULL,
    occurred_at  DATETIME(6)     NOT NULL,
    actor        VARCHAR(254)    NOT NULL,
    kind         VARCHAR(30)     NOT NULL,
    from_status  VARCHAR(20),
    to_status    VARCHAR(20),
    summary      VARCHAR(1000)   NOT NULL,
    reason       VARCHAR(1000),
    CONSTRAINT fk_event_case FOREIGN KEY (case_id) REFERENCES legal_case (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_event_case ON case_event (case_id, occurred_at);
