-- Every order the case list offers, served by an index for the lists that can hold hundreds of thousands of
-- cases (the fund's whole list, one partner's), so that a page of a sorted list reads a page of rows instead of
-- sorting every matching case. The fund's queues and a partner's queues filter these further.

-- The name a case sorts under: its client's last name, or nothing while it is a confidential case only
-- offered to a partner (who must not learn even where its client's name falls in the alphabet). Kept by the
-- application in the transaction that writes the case or renames the client (cases.CaseSortNames).
ALTER TABLE legal_case ADD COLUMN client_sort_name VARCHAR(100) NULL;

-- An appeal shows the number of the case it appeals; kept with it (case numbers never change), so that a
-- page of cases never loads the appealed ones.
ALTER TABLE legal_case ADD COLUMN appeal_of_number VARCHAR(20) NULL;

UPDATE legal_case a JOIN legal_case o ON o.id = a.appeal_of_id SET a.appeal_of_number = o.case_number;

UPDATE legal_case c JOIN client cl ON cl.id = c.client_id
SET c.client_sort_name = IF(c.confidential AND c.status = 'OFFERED', '', cl.last_name);

ALTER TABLE legal_case
    ADD INDEX ix_case_client_name (client_sort_name, id),
    ADD INDEX ix_case_partner_client_name (partner_id, client_sort_name, id),
    ADD INDEX ix_case_partner_number (partner_id, case_number),
    ADD INDEX ix_case_partner_next_hearing (partner_id, next_hearing_date, id),
    ADD INDEX ix_case_partner_referral (partner_id, referral_date, id),
    -- (partner_id, status) is the start of ix_case_partner_queue.
    DROP INDEX ix_case_partner;

-- The fund's queue of offers waiting too long reads the pending offers by age with their cases from the index.
ALTER TABLE case_offer
    ADD INDEX ix_offer_pending_case (status, offered_at, case_id),
    DROP INDEX ix_offer_pending;
