-- Read models that keep lists, search and dashboards fast at a million cases. Each is written in the
-- same transaction as the change it follows (see dashboards.DashboardReadModel and clients.NameWords), so
-- what they show is never stale; each can be rebuilt from the base tables.

-- Lists sort by priority (urgent first). A stored rank lets an index give that order instead of a sort
-- of every matching row.
ALTER TABLE legal_case
    ADD COLUMN priority_rank TINYINT AS (CASE priority WHEN 'URGENT' THEN 0 WHEN 'HIGH' THEN 1 WHEN 'NORMAL' THEN 2 ELSE 3 END) STORED;

-- The orders and filters the case lists use: by queue (status), by partner, by hearing date, by date.
CREATE INDEX ix_case_queue ON legal_case (status, priority_rank, id);
CREATE INDEX ix_case_rank ON legal_case (priority_rank, id);
CREATE INDEX ix_case_partner_queue ON legal_case (partner_id, status, priority_rank, id);
CREATE INDEX ix_case_partner_rank ON legal_case (partner_id, priority_rank, id);
CREATE INDEX ix_case_status_hearing ON legal_case (status, next_hearing_date);
CREATE INDEX ix_case_partner_hearing ON legal_case (partner_id, status, next_hearing_date);
CREATE INDEX ix_case_detained_queue ON legal_case (detained, status, priority_rank, id);
CREATE INDEX ix_case_referral ON legal_case (referral_date, id);
CREATE INDEX ix_case_updated ON legal_case (updated_at, id);

-- Name search: every word of a client's names, folded (no accents, lower case), so that "garcia" or a
-- prefix of it ("garc") finds "García" through an index instead of a scan of every client.
CREATE TABLE client_name_word (
    word       VARCHAR(100)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    client_id  BIGINT        NOT NULL,
    PRIMARY KEY (word, client_id),
    CONSTRAINT fk_name_word_client FOREIGN KEY (client_id) REFERENCES client (id)
) ENGINE = InnoDB;

CREATE INDEX ix_name_word_client ON client_name_word (client_id);

-- The dashboards' read model. case_fact holds, for each case, what the dashboards count about it: the
-- scope it falls in (partner, and funder and grant of the sub-award it is charged to), the days of its
-- steps in the fund's time zone, and the values it is grouped by. dashboard_tally holds the same counted
-- per month, for each scope a dashboard can ask for (partner_id, funder_id, grant_id; 0 = any). A
-- dashboard adds whole months from the tally and the days at the edges of its period from case_fact.
-- The read models have no foreign keys to the rows they follow: a key check would take a lock on the case
-- or sub-award that another transaction holds while it waits for this one's audit entries (a deadlock);
-- the application writes them only from those rows, in the same transaction.
CREATE TABLE case_fact (
    case_id               BIGINT       NOT NULL PRIMARY KEY,
    partner_id            BIGINT,
    funder_id             BIGINT,
    grant_id              BIGINT,
    referral_day          DATE         NOT NULL,
    eligible_day          DATE,
    assigned_day          DATE,
    closed_day            DATE,
    -- the day an assigned case closed (it stops being one the fund serves)
    served_until_day      DATE,
    outcome_id            BIGINT,
    custody_result_id     BIGINT,
    country               CHAR(2),
    language_code         VARCHAR(12),
    court_id              BIGINT,
    -- D: detained now, R: released (was in custody), N: never detained
    custody               CHAR(1)      NOT NULL,
    days_to_assignment    INT,
    days_to_first_action  INT,
    CONSTRAINT ck_case_fact_custody CHECK (custody IN ('D', 'R', 'N'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One index per day, each holding what is counted at that day, so the edges of a period are read from
-- the index alone.
CREATE INDEX ix_fact_referral ON case_fact (referral_day, partner_id, funder_id, grant_id);
CREATE INDEX ix_fact_eligible ON case_fact (eligible_day, partner_id, funder_id, grant_id);
CREATE INDEX ix_fact_assigned ON case_fact (assigned_day, partner_id, funder_id, grant_id, country, language_code, court_id,
    custody, days_to_assignment, days_to_first_action);
CREATE INDEX ix_fact_closed ON case_fact (closed_day, partner_id, funder_id, grant_id, outcome_id, custody_result_id);
CREATE INDEX ix_fact_served_until ON case_fact (served_until_day, partner_id, funder_id, grant_id, country, language_code,
    court_id, custody);

CREATE TABLE dashboard_tally (
    partner_id  BIGINT       NOT NULL,
    funder_id   BIGINT       NOT NULL,
    grant_id    BIGINT       NOT NULL,
    measure     VARCHAR(30)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    month       DATE         NOT NULL,
    dim         VARCHAR(40)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    n           BIGINT       NOT NULL,
    PRIMARY KEY (partner_id, funder_id, grant_id, measure, month, dim)
) ENGINE = InnoDB;

-- Money per sub-award and month: approved costs by cost date, paid disbursements by payment date.
CREATE TABLE spend_tally (
    sub_award_id  BIGINT         NOT NULL,
    kind          VARCHAR(10)    CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    month         DATE           NOT NULL,
    amount        DECIMAL(19,2)  NOT NULL,
    PRIMARY KEY (sub_award_id, kind, month),
    CONSTRAINT ck_spend_tally_kind CHECK (kind IN ('APPROVED', 'PAID'))
) ENGINE = InnoDB;
