-- The case lists filter by court. The foreign key's index finds a court's cases but not in the list's order, so a
-- page of a big court's cases (most of the fund's) would sort every one of them; this index gives them urgent first,
-- as status, custody and partner have theirs (V10), and counts them without reading the rows.
ALTER TABLE legal_case ADD INDEX ix_case_court_rank (court_id, priority_rank, id);
