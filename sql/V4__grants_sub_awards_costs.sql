-- Grants from funders, their restrictions, sub-awards to partners (with kept amendments), the charge of
-- each case to a sub-award, the costs partners record against cases and the disbursements that pay them.
-- Money is DECIMAL(19,2) throughout. Who did what is kept as the account's e-mail, as on the timeline.

CREATE TABLE grant_award (
    id                  BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
    funder_id           BIGINT         NOT NULL,
    name                VARCHAR(200)   NOT NULL,
    reference           VARCHAR(60),
    amount              DECIMAL(19,2)  NOT NULL,
    award_date          DATE           NOT NULL,
    period_start        DATE           NOT NULL,
    period_end          DATE           NOT NULL,
    purpose             VARCHAR(2000),
    reporting_schedule  VARCHAR(20)    NOT NULL,
    detained_only       BOOLEAN        NOT NULL DEFAULT FALSE,
    max_per_case        DECIMAL(19,2),
    restriction_notes   VARCHAR(2000),
    version             BIGINT         NOT NULL DEFAULT 0,
    created_at          DATETIME(6)    NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    updated_at          DATETIME(6)    NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    CONSTRAINT fk_grant_funder FOREIGN KEY (funder_id) REFERENCES funder (id),
    CONSTRAINT uq_grant_funder_name UNIQUE (funder_id, name),
    CONSTRAINT ck_grant_amount CHECK (amount > 0),
    CONSTRAINT ck_grant_max_per_case CHECK (max_per_case IS NULL OR max_per_case > 0),
    CONSTRAINT ck_grant_period CHECK (period_end >= period_start)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Restrictions: an empty list means "no restriction of this kind".
CREATE TABLE grant_case_type (
    grant_id  BIGINT NOT NULL,
    item_id   BIGINT NOT NULL,
    PRIMARY KEY (grant_id, item_id),
    CONSTRAINT fk_grant_case_type_grant FOREIGN KEY (grant_id) REFERENCES grant_award (id),
    CONSTRAINT fk_grant_case_type_item FOREIGN KEY (item_id) REFERENCES reference_item (id)
) ENGINE = InnoDB;

CREATE TABLE grant_relief_type (
    grant_id  BIGINT NOT NULL,
    item_id   BIGINT NOT NULL,
    PRIMARY KEY (grant_id, item_id),
    CONSTRAINT fk_grant_relief_grant FOREIGN KEY (grant_id) REFERENCES grant_award (id),
    CONSTRAINT fk_grant_relief_item FOREIGN KEY (item_id) REFERENCES reference_item (id)
) ENGINE = InnoDB;

CREATE TABLE grant_municipality (
    grant_id      BIGINT        NOT NULL,
    municipality  VARCHAR(100)  NOT NULL,
    PRIMARY KEY (grant_id, municipality),
    CONSTRAINT fk_grant_municipality_grant FOREIGN KEY (grant_id) REFERENCES grant_award (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE grant_excluded_use (
    grant_id   BIGINT       NOT NULL,
    category   VARCHAR(20)  NOT NULL,
    PRIMARY KEY (grant_id, category),
    CONSTRAINT fk_grant_excluded_grant FOREIGN KEY (grant_id) REFERENCES grant_award (id)
) ENGINE = InnoDB;

CREATE TABLE sub_award (
    id            BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
    grant_id      BIGINT         NOT NULL,
    partner_id    BIGINT         NOT NULL,
    amount        DECIMAL(19,2)  NOT NULL,
    period_start  DATE           NOT NULL,
    period_end    DATE           NOT NULL,
    version       BIGINT         NOT NULL DEFAULT 0,
    created_at    DATETIME(6)    NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    updated_at    DATETIME(6)    NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    CONSTRAINT fk_sub_award_grant FOREIGN KEY (grant_id) REFERENCES grant_award (id),
    CONSTRAINT fk_sub_award_partner FOREIGN KEY (partner_id) REFERENCES partner_organization (id),
    CONSTRAINT ck_sub_award_amount CHECK (amount > 0),
    CONSTRAINT ck_sub_award_period CHECK (period_end >= period_start)
) ENGINE = InnoDB;

CREATE INDEX ix_sub_award_partner ON sub_award (partner_id, period_end);

-- Every change of a sub-award's amount or period, kept (the first row is the award itself).
CREATE TABLE sub_award_amendment (
    id            BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
    sub_award_id  BIGINT         NOT NULL,
    amended_at    DATETIME(6)    NOT NULL,
    amended_by    VARCHAR(254)   NOT NULL,
    old_amount    DECIMAL(19,2),
    new_amount    DECIMAL(19,2)  NOT NULL,
    old_start     DATE,
    new_start     DATE           NOT NULL,
    old_end       DATE,
    new_end       DATE           NOT NULL,
    reason        VARCHAR(1000)  NOT NULL,
    CONSTRAINT fk_amendment_sub_award FOREIGN KEY (sub_award_id) REFERENCES sub_award (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_amendment_sub_award ON sub_award_amendment (sub_award_id, amended_at);

-- The sub-award a case is charged to now (one per case); earlier charges are on the case's timeline.
CREATE TABLE case_charge (
    case_id       BIGINT        NOT NULL PRIMARY KEY,
    sub_award_id  BIGINT        NOT NULL,
    charged_at    DATETIME(6)   NOT NULL,
    charged_by    VARCHAR(254)  NOT NULL,
    version       BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT fk_charge_case FOREIGN KEY (case_id) REFERENCES legal_case (id),
    CONSTRAINT fk_charge_sub_award FOREIGN KEY (sub_award_id) REFERENCES sub_award (id)
) ENGINE = InnoDB;

CREATE INDEX ix_charge_sub_award ON case_charge (sub_award_id);

CREATE TABLE case_cost (
    id                BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
    case_id           BIGINT         NOT NULL,
    sub_award_id      BIGINT         NOT NULL,
    category          VARCHAR(20)    NOT NULL,
    hours             DECIMAL(7,2),
    rate              DECIMAL(19,2),
    amount            DECIMAL(19,2)  NOT NULL,
    cost_date         DATE           NOT NULL,
    note              VARCHAR(1000),
    status            VARCHAR(20)    NOT NULL,
    submitted_by      VARCHAR(254)   NOT NULL,
    submitted_at      DATETIME(6)    NOT NULL,
    decided_by        VARCHAR(254),
    decided_at        DATETIME(6),
    decision_note     VARCHAR(1000),
    over_budget       BOOLEAN        NOT NULL DEFAULT FALSE,
    version           BIGINT         NOT NULL DEFAULT 0,
    CONSTRAINT fk_cost_case FOREIGN KEY (case_id) REFERENCES legal_case (id),
    CONSTRAINT fk_cost_sub_award FOREIGN KEY (sub_award_id) REFERENCES sub_award (id),
    CONSTRAINT ck_cost_amount CHECK (amount > 0),
    CONSTRAINT ck_cost_status CHECK (status IN ('SUBMITTED', 'APPROVED', 'REJECTED')),
    CONSTRAINT ck_cost_hours CHECK ((category = 'ATTORNEY_HOURS') = (hours IS NOT NULL AND rate IS NOT NULL))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_cost_sub_award ON case_cost (sub_award_id, status, cost_date);
CREATE INDEX ix_cost_case ON case_cost (case_id);
CREATE INDEX ix_cost_status ON case_cost (status, submitted_at);

-- One disbursement pays one approved cost.
CREATE TABLE disbursement (
    id              BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
    cost_id         BIGINT         NOT NULL,
    sub_award_id    BIGINT         NOT NULL,
    amount          DECIMAL(19,2)  NOT NULL,
    status          VARCHAR(20)    NOT NULL,
    scheduled_date  DATE           NOT NULL,
    paid_date       DATE,
    payment_ref     VARCHAR(100),
    version         BIGINT         NOT NULL DEFAULT 0,
    CONSTRAINT fk_disbursement_cost FOREIGN KEY (cost_id) REFERENCES case_cost (id),
    CONSTRAINT fk_disbursement_sub_award FOREIGN KEY (sub_award_id) REFERENCES sub_award (id),
    CONSTRAINT uq_disbursement_cost UNIQUE (cost_id),
    CONSTRAINT ck_disbursement_status CHECK (status IN ('SCHEDULED', 'PAID')),
    CONSTRAINT ck_disbursement_paid CHECK ((status = 'PAID') = (paid_date IS NOT NULL))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_disbursement_sub_award ON disbursement (sub_award_id, status, paid_date);
