-- What the table catalogue says of each table beyond its name (pipelines/catalogue/tables.yaml):
-- whether it prints figures at all (绩效目标表 are text), whether it is a standard table or a
-- regional extra, and the text that makes it required (NULL: always, for its kind's standard set).
-- Kept in step with the catalogue on every schema check.
ALTER TABLE dim_table ADD COLUMN IF NOT EXISTS yields_facts BOOLEAN DEFAULT TRUE;
ALTER TABLE dim_table ADD COLUMN IF NOT EXISTS is_extra BOOLEAN DEFAULT FALSE;
ALTER TABLE dim_table ADD COLUMN IF NOT EXISTS named_by VARCHAR;
ALTER TABLE dim_table ADD COLUMN IF NOT EXISTS is_core BOOLEAN DEFAULT FALSE;       -- recall measured; missing: attention
ALTER TABLE dim_table ADD COLUMN IF NOT EXISTS is_required BOOLEAN DEFAULT FALSE;   -- DI05: every pack prints it

-- measure -> part: a measure the rules read as the sum of its parts where a row prints only the parts
-- (measures.yaml `derived`: 基本支出 = 人员经费 + 公用经费). Kept in step with the catalogue.
CREATE TABLE IF NOT EXISTS dim_measure_part (
    measure  VARCHAR NOT NULL,
    part     VARCHAR NOT NULL,
    PRIMARY KEY (measure, part)
);
