-- Facts: one row per printed amount, with lineage to file, page and cell.

CREATE TABLE IF NOT EXISTS fact_amount (
    document_id     VARCHAR NOT NULL,
    table_seq       INTEGER NOT NULL,
    table_id        VARCHAR NOT NULL,
    department_key  INTEGER,
    fiscal_year     INTEGER,
    doc_kind        VARCHAR NOT NULL,
    account_scheme  VARCHAR NOT NULL,        -- function | economic | line | revenue
    account_code    VARCHAR NOT NULL,        -- digits; '' for line items
    line_item       VARCHAR NOT NULL,        -- canonical line id; '' for code rows
    account_name    VARCHAR,                 -- as printed
    measure         VARCHAR NOT NULL,
    amount_wan      DECIMAL(28, 6) NOT NULL, -- exact, in 万元
    amount_text     VARCHAR NOT NULL,        -- exact decimal string in 万元 (printed precision kept)
    amount_printed  VARCHAR NOT NULL,        -- the cell text as printed
    unit_printed    VARCHAR NOT NULL,
    page            INTEGER NOT NULL,
    x0 REAL, top REAL, x1 REAL, bottom REAL, -- the cell box (PDF points, top-left origin)
    row_index       INTEGER,
    col_index       INTEGER,
    side            VARCHAR,
    header          VARCHAR
);

CREATE TABLE IF NOT EXISTS fact_quantity (
    document_id     VARCHAR NOT NULL,
    table_seq       INTEGER NOT NULL,
    table_id        VARCHAR,
    line_item       VARCHAR,
    name            VARCHAR,
    value           DECIMAL(18, 2),
    unit            VARCHAR,
    page            INTEGER,
    x0 REAL, top REAL, x1 REAL, bottom REAL
);
