-- This database is a fiscal warehouse: connections refuse any DuckDB file without this marker (or,
-- for warehouses built before it existed, without the core tables), so a file of another application
-- given as FISCAL_WAREHOUSE is never written to (pipelines/warehouse/connection.py).
CREATE TABLE IF NOT EXISTS warehouse_info (
    key   VARCHAR PRIMARY KEY,
    value VARCHAR NOT NULL
);
INSERT OR IGNORE INTO warehouse_info VALUES ('application', 'fiscal-warehouse'), ('created_at', CAST(current_timestamp AS VARCHAR));
