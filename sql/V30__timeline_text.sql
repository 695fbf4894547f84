-- A timeline entry's summary as facts (issue 14): words, reference items by id, labels of the application's lists,
-- dates, times and amounts, as a small JSON array (cases.TimelineText), so that each reader gets the entry in their own
-- language. The plain summary stays beside it (codes, ISO dates, English names); entries written before keep only it.
ALTER TABLE case_event ADD COLUMN summary_parts VARCHAR(4000) NULL;
