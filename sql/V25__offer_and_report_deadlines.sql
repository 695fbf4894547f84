-- Deadlines (issue 16, point 1), the rest of the rules: the answer to an offer (due a number of hours after it was
-- made, so a deadline may now carry a time: due_at) and the reports due to funders from each grant's reporting
-- schedule (a grant's deadline, not a case's: case_id or grant_id, exactly one). And the bookkeeping of the
-- deadlines computed for the cases and grants recorded before a rule existed (deadlines/DeadlinesAtStart).

ALTER TABLE deadline
    MODIFY case_id BIGINT NULL,
    MODIFY case_number VARCHAR(20) NULL,
    ADD COLUMN grant_id BIGINT NULL AFTER partner_id,
    -- The grant's name, copied at every refresh (as the case's partner is), for the queue.
    ADD COLUMN grant_name VARCHAR(200) NULL AFTER grant_id,
    ADD COLUMN due_at DATETIME(6) NULL AFTER due_on,
    ADD CONSTRAINT fk_deadline_grant FOREIGN KEY (grant_id) REFERENCES grant_award (id),
    ADD CONSTRAINT uq_deadline_grant_fact UNIQUE (grant_id, rule, source),
    ADD CONSTRAINT ck_deadline_subject CHECK ((case_id IS NULL) <> (grant_id IS NULL)),
    ADD CONSTRAINT ck_deadline_case_number CHECK ((case_id IS NULL) = (case_number IS NULL));

ALTER TABLE deadline DROP CONSTRAINT ck_deadline_rule;
ALTER TABLE deadline
    ADD CONSTRAINT ck_deadline_rule CHECK (BINARY rule IN ('BIA_APPEAL', 'DHS_BOND_APPEAL', 'PETITION_FOR_REVIEW',
        'NOTICE_OF_APPEARANCE', 'OFFER_ANSWER', 'FUNDER_REPORT'));

-- The rules whose period is kept here (the offer's hours are a setting, a report's day the grant's schedule).
ALTER TABLE deadline_rule_period DROP CONSTRAINT ck_deadline_rule_period_rule;
ALTER TABLE deadline_rule_period
    ADD CONSTRAINT ck_deadline_rule_period_rule CHECK (BINARY rule IN ('BIA_APPEAL', 'DHS_BOND_APPEAL', 'PETITION_FOR_REVIEW',
        'NOTICE_OF_APPEARANCE', 'OFFER_ANSWER', 'FUNDER_REPORT'));

-- One row: which version of the rules the deadlines of every case and grant were last computed with, and from which
-- day deadlines are kept (the first computation's day less a grace period: history due before it is not a deadline
-- anyone can still act on). No row: never computed (a database from before the deadlines, or a seeded one).
CREATE TABLE deadline_computation (
    id              TINYINT        NOT NULL PRIMARY KEY,
    rules_version   INT            NOT NULL,
    kept_from       DATE           NOT NULL,
    computed_at     DATETIME(6)    NOT NULL,
    CONSTRAINT ck_deadline_computation_one CHECK (id = 1)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A grant's report deadlines, for the grant's page and its refresh.
CREATE INDEX ix_deadline_grant ON deadline (grant_id, due_on);
