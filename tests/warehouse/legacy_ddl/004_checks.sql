-- Consistency rules (catalogue: sql/checks/rules.csv, one SQL reconciliation per rule) and
-- their results. Outcomes: pass | rounding | fail | not_applicable | insufficient_data | error.

CREATE TABLE IF NOT EXISTS dim_rule (
    rule_id      VARCHAR PRIMARY KEY,
    rule_group   VARCHAR NOT NULL,    -- table_internal | cross_table | narrative | integrity | cross_year | budget_final
    severity     VARCHAR NOT NULL,    -- parse (blocks marts) | source (warns) ...
    applies_to   VARCHAR NOT NULL,    -- final | budget | final,budget
    description  VARCHAR NOT NULL,
    basis        VARCHAR
);

CREATE TABLE IF NOT EXISTS check_run (
    check_run_id  VARCHAR PRIMARY KEY,
    started_at    TIMESTAMP NOT NULL,
    finished_at   TIMESTAMP,
    n_documents   INTEGER,
    n_results     INTEGER,
    ruleset       VARCHAR
);

CREATE TABLE IF NOT EXISTS check_result (
    check_run_id  VARCHAR NOT NULL,
    document_id   VARCHAR NOT NULL,
    rule_id       VARCHAR NOT NULL,
    outcome       VARCHAR NOT NULL,
    location      VARCHAR,            -- human-readable: table, row, measure
    expected      DECIMAL(28, 6),
    actual        DECIMAL(28, 6),
    diff          DECIMAL(28, 6),
    envelope      DECIMAL(28, 6),     -- rounding envelope (n + 1) × 0.005 万元
    page          INTEGER,
    table_id      VARCHAR,
    x0 REAL, top REAL, x1 REAL, bottom REAL,   -- the cell to outline on the page (when known)
    detail        VARCHAR,
    checked_at    TIMESTAMP NOT NULL DEFAULT current_timestamp
);

-- Extensions (idempotent, so warehouses created before them are upgraded in place).
ALTER TABLE check_run ADD COLUMN IF NOT EXISTS trigger VARCHAR;          -- cli | ingest | dagster | test
ALTER TABLE check_run ADD COLUMN IF NOT EXISTS n_rules INTEGER;
ALTER TABLE check_run ADD COLUMN IF NOT EXISTS docs_path VARCHAR;        -- GX Data Docs index, when built
ALTER TABLE check_result ADD COLUMN IF NOT EXISTS n_terms INTEGER;       -- printed figures on the summed side
ALTER TABLE check_result ADD COLUMN IF NOT EXISTS comparison VARCHAR;    -- eq | le | ge | holds
ALTER TABLE check_result ADD COLUMN IF NOT EXISTS excess DECIMAL(28, 6); -- |diff| beyond the envelope (> 0: fail)

-- The documents of the check run in progress (the runner fills it inside its writer session; the
-- views of sql/views/020_checks_*.sql and the reconciliations in sql/checks read only these).
CREATE TABLE IF NOT EXISTS check_scope (
    document_id   VARCHAR PRIMARY KEY
);
-- FALSE: a partner document (last year's pack, the same year's budget) read by cross-year and
-- budget-final rules but not itself checked in the run.
ALTER TABLE check_scope ADD COLUMN IF NOT EXISTS is_target BOOLEAN DEFAULT TRUE;

-- Parse-integrity failures an operator reviewed and accepted (`fiscal check --publish-anyway`): the
-- publication gate (pipelines/checks/gate.py) no longer holds the read snapshot back for them.
CREATE TABLE IF NOT EXISTS publication_waiver (
    document_id   VARCHAR NOT NULL,
    rule_id       VARCHAR NOT NULL,
    waived_at     TIMESTAMP NOT NULL DEFAULT current_timestamp,
    PRIMARY KEY (document_id, rule_id)
);
