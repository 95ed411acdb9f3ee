-- Coverage: of the figures printed inside each table's area, how many became facts (parse/coverage.py).
-- A document below 95 % coverage, or a budget/final without its core tables, needs attention.
ALTER TABLE document_table ADD COLUMN IF NOT EXISTS n_figures INTEGER;   -- figures printed in the table's cells
ALTER TABLE document_table ADD COLUMN IF NOT EXISTS n_covered INTEGER;   -- of those, figures that became facts
ALTER TABLE document_table ADD COLUMN IF NOT EXISTS n_garbled INTEGER;   -- figures the text layer garbled (not guessed)
ALTER TABLE document_table ADD COLUMN IF NOT EXISTS coverage DOUBLE;     -- n_covered / n_figures (NULL: no figures)
ALTER TABLE document ADD COLUMN IF NOT EXISTS n_figures INTEGER;
ALTER TABLE document ADD COLUMN IF NOT EXISTS coverage DOUBLE;
