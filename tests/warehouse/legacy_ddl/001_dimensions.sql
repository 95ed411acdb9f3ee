-- Dimensions of the star schema. Codes are the keys; names are per year because names change.

CREATE TABLE IF NOT EXISTS dim_fiscal_year (
    fiscal_year   INTEGER PRIMARY KEY
);

-- One identity per publishing body across years and renames.
CREATE TABLE IF NOT EXISTS dim_department (
    department_key    INTEGER PRIMARY KEY,
    canonical_name    VARCHAR NOT NULL,      -- latest printed name
    name_key          VARCHAR NOT NULL,      -- normalised matching key of the canonical name
    region            VARCHAR,
    entity_level      VARCHAR NOT NULL,      -- department | unit
    parent_key        INTEGER,               -- a unit pack's department, when known
    created_at        TIMESTAMP DEFAULT current_timestamp
);

-- Every printed name of a department, per fiscal year (renames keep one department_key).
CREATE TABLE IF NOT EXISTS dim_department_name (
    department_key    INTEGER NOT NULL,
    name              VARCHAR NOT NULL,
    name_key          VARCHAR NOT NULL,
    fiscal_year       INTEGER,
    first_document_id VARCHAR,
    PRIMARY KEY (department_key, name, fiscal_year)
);

-- 支出功能分类: 类 (3 digits) -> 款 (5) -> 项 (7).
CREATE TABLE IF NOT EXISTS dim_function_account (
    code         VARCHAR PRIMARY KEY,
    level        TINYINT NOT NULL,            -- 1 类, 2 款, 3 项
    parent_code  VARCHAR,
    class_code   VARCHAR NOT NULL
);

-- 支出经济分类: 类 (3) -> 款 (5); 30x/31x/39x 部门 scheme, 50x/59x 政府 scheme.
CREATE TABLE IF NOT EXISTS dim_economic_account (
    code         VARCHAR PRIMARY KEY,
    scheme       VARCHAR NOT NULL,            -- department | government
    level        TINYINT NOT NULL,            -- 1 类, 2 款
    parent_code  VARCHAR,
    class_code   VARCHAR NOT NULL
);

-- The table catalogue (FIN_xx / BUD_xx), loaded from pipelines/catalogue/tables.yaml.
CREATE TABLE IF NOT EXISTS dim_table (
    table_id      VARCHAR PRIMARY KEY,
    doc_kind      VARCHAR NOT NULL,
    name          VARCHAR NOT NULL,
    row_scheme    VARCHAR NOT NULL
);
