-- The dashboards add up approved costs and paid disbursements of a period: whole months come from
-- spend_tally, the days before and after them from the rows. These indexes hold what those days need, so
-- the edges are read from the index alone, whatever the number of costs.
CREATE INDEX ix_cost_approved_day ON case_cost (status, cost_date, sub_award_id, amount);
CREATE INDEX ix_disbursement_paid_day ON disbursement (status, paid_date, sub_award_id, amount);
