-- Deadlines (issue 16, point 1): the periods of the deadline rules, editable by administrators, and the deadlines
-- computed from each case's recorded facts (kept up to date before every commit that changes a case or one of its
-- records: see deadlines/DeadlineListener), so the "Deadlines" queue reads one indexed table, never every case.

CREATE TABLE deadline_rule_period (
    rule         VARCHAR(30)    NOT NULL PRIMARY KEY,
    period       INT            NOT NULL,
    updated_by   VARCHAR(254),
    updated_at   DATETIME(6),
    version      BIGINT         NOT NULL DEFAULT 0,
    CONSTRAINT ck_deadline_rule_period_rule CHECK (BINARY rule IN ('BIA_APPEAL', 'DHS_BOND_APPEAL', 'PETITION_FOR_REVIEW',
        'NOTICE_OF_APPEARANCE')),
    CONSTRAINT ck_deadline_rule_period_range CHECK (period BETWEEN 1 AND 365)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO deadline_rule_period (rule, period) VALUES
    ('BIA_APPEAL', 30),
    ('DHS_BOND_APPEAL', 10),
    ('PETITION_FOR_REVIEW', 30),
    ('NOTICE_OF_APPEARANCE', 14);

CREATE TABLE deadline (
    id            BIGINT          NOT NULL AUTO_INCREMENT PRIMARY KEY,
    case_id       BIGINT          NOT NULL,
    case_number   VARCHAR(20)     NOT NULL,
    -- The case's partner, copied at every refresh: the partner staff's queue is scoped by it.
    partner_id    BIGINT,
    rule          VARCHAR(30)     NOT NULL,
    -- Which recorded fact started the period (e.g. 'ij:2026-11-02', 'assigned:2026-11-20'): one deadline per fact.
    source        VARCHAR(40)     NOT NULL,
    triggered_on  DATE            NOT NULL,
    due_on        DATE            NOT NULL,
    state         VARCHAR(10)     NOT NULL DEFAULT 'OPEN',
    reason        VARCHAR(1000),
    closed_by     VARCHAR(254),
    closed_at     DATETIME(6),
    version       BIGINT          NOT NULL DEFAULT 0,
    CONSTRAINT uq_deadline_fact UNIQUE (case_id, rule, source),
    CONSTRAINT fk_deadline_case FOREIGN KEY (case_id) REFERENCES legal_case (id),
    CONSTRAINT ck_deadline_rule CHECK (BINARY rule IN ('BIA_APPEAL', 'DHS_BOND_APPEAL', 'PETITION_FOR_REVIEW', 'NOTICE_OF_APPEARANCE')),
    CONSTRAINT ck_deadline_state CHECK (BINARY state IN ('OPEN', 'MET', 'WAIVED')),
    CONSTRAINT ck_deadline_dates CHECK (due_on >= triggered_on),
    CONSTRAINT ck_deadline_closed CHECK ((state = 'OPEN') = (closed_at IS NULL)),
    CONSTRAINT ck_deadline_waived_reason CHECK (state <> 'WAIVED' OR reason IS NOT NULL)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The queue: open deadlines by due date, all of them (administrators) or one partner's.
CREATE INDEX ix_deadline_state_due ON deadline (state, due_on, id);
CREATE INDEX ix_deadline_partner_state_due ON deadline (partner_id, state, due_on, id);

-- Meeting or waiving a deadline is a timeline entry.
ALTER TABLE case_event DROP CONSTRAINT ck_event_kind;
ALTER TABLE case_event
    ADD CONSTRAINT ck_event_kind CHECK (BINARY kind IN ('REFERRED', 'SCREENED', 'OFFERED', 'OFFER_ACCEPTED', 'OFFER_DECLINED',
        'OFFER_WITHDRAWN', 'RETURNED_TO_QUEUE', 'HEARING_RECORDED', 'CUSTODY_CHANGED', 'RELIEF_RECORDED', 'NOTICE_OF_APPEARANCE',
        'NOTE', 'CONFLICT_RECORDED', 'CLOSED', 'APPEAL_OPENED', 'CHARGED', 'BUDGET_OVERRIDE', 'MARKED_CONFIDENTIAL',
        'CONFIDENTIALITY_LIFTED', 'DEADLINE_MET', 'DEADLINE_WAIVED'));
