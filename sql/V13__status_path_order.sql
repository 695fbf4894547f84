-- The case list sorts by status in the order of the case's path (referred, pending documents, eligible,
-- offered, assigned, then the two ends: closed, ineligible), not alphabetically; an index gives that order
-- for the fund and for each partner, as the other orders have (V12). The rank mirrors CaseStatus.pathRank().
ALTER TABLE legal_case
    ADD COLUMN status_rank TINYINT AS (CASE status
        WHEN 'REFERRED' THEN 0 WHEN 'PENDING_DOCUMENTS' THEN 1 WHEN 'ELIGIBLE' THEN 2 WHEN 'OFFERED' THEN 3
        WHEN 'ASSIGNED' THEN 4 WHEN 'CLOSED' THEN 5 WHEN 'INELIGIBLE' THEN 6 ELSE 7 END) STORED,
    ADD INDEX ix_case_status_path (status_rank, priority_rank, id),
    ADD INDEX ix_case_partner_status_path (partner_id, status_rank, priority_rank, id);
