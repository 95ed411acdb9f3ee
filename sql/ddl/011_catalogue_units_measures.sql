-- Domain knowledge the rules read, written from the program's catalogue on every schema check
-- (pipelines/warehouse/schema.py sync_catalogue), never by hand:
-- the money units a figure may be printed in, with 万元 per unit (pipelines/textutil/numbers.py
-- UNIT_EXPONENT, the one unit table of the program) ...
CREATE TABLE dim_unit (
    unit      VARCHAR PRIMARY KEY,   -- 万元 | 元 | 千元 | 亿元
    to_wan    DECIMAL(18, 6) NOT NULL -- 万元 per printed unit: 元 0.0001, 亿元 10000
);
-- ... and how the rules read a table's generic measure columns (pipelines/catalogue/tables.yaml
-- `rule_measures`): a fact of table_id whose parsed measure is in measures (any when NULL) and not in
-- unless_measures, under a header containing header_word (any when NULL), is read as as_measure; the
-- lowest priority that fits wins.
CREATE TABLE dim_rule_measure (
    table_id         VARCHAR NOT NULL,
    priority         INTEGER NOT NULL,
    measures         VARCHAR[],
    unless_measures  VARCHAR[],
    header_word      VARCHAR,
    as_measure       VARCHAR NOT NULL,
    PRIMARY KEY (table_id, priority)
);
