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
