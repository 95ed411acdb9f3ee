-- Documents (one row per distinct file content), their tables and page texts.

CREATE TABLE IF NOT EXISTS document (
    document_id       VARCHAR PRIMARY KEY,   -- sha256 of the file bytes
    file_name         VARCHAR NOT NULL,      -- name as ingested
    source_path       VARCHAR,
    size_bytes        BIGINT,
    n_pages           INTEGER,
    doc_kind          VARCHAR NOT NULL,      -- final | budget | other
    department_key    INTEGER,
    department        VARCHAR,               -- as printed
    entity_level      VARCHAR,
    region            VARCHAR,
    fiscal_year       INTEGER,
    unit_printed      VARCHAR,
    parser_version    VARCHAR NOT NULL,
    status            VARCHAR NOT NULL,      -- loaded | rejected | quarantined
    reason            VARCHAR NOT NULL DEFAULT '',
    reject_code       VARCHAR,
    quarantine_path   VARCHAR,
    evidence          JSON,
    issues            JSON,
    content_key       VARCHAR,               -- hash of the printed text: re-saved copies share it
    copy_of           VARCHAR,               -- document_id of the first copy of the same publication
    superseded_by     VARCHAR,               -- a later revision of the same publication
    is_current        BOOLEAN NOT NULL DEFAULT FALSE,
    n_facts           INTEGER NOT NULL DEFAULT 0,
    ingested_at       TIMESTAMP NOT NULL DEFAULT current_timestamp,
    run_id            VARCHAR
);

CREATE TABLE IF NOT EXISTS document_table (
    document_id    VARCHAR NOT NULL,
    table_seq      INTEGER NOT NULL,
    table_id       VARCHAR,                  -- NULL: a table the catalogue does not know
    title          VARCHAR,
    label          VARCHAR,
    unit_printed   VARCHAR,
    unit_source    VARCHAR,                  -- printed | document | assumed
    page_start     INTEGER,
    page_end       INTEGER,
    is_empty       BOOLEAN,
    note           VARCHAR,
    identified_by  VARCHAR,
    n_rows         INTEGER,
    n_facts        INTEGER,
    header         JSON,
    issues         JSON,
    PRIMARY KEY (document_id, table_seq)
);

CREATE TABLE IF NOT EXISTS document_page (
    document_id  VARCHAR NOT NULL,
    page         INTEGER NOT NULL,
    text         VARCHAR,
    PRIMARY KEY (document_id, page)
);

-- Every ingestion attempt, including rejected and unchanged files: nothing is forgotten.
CREATE TABLE IF NOT EXISTS ingest_run (
    run_id        VARCHAR PRIMARY KEY,
    started_at    TIMESTAMP NOT NULL,
    finished_at   TIMESTAMP,
    n_files       INTEGER,
    n_loaded      INTEGER,
    n_unchanged   INTEGER,
    n_rejected    INTEGER,
    trigger       VARCHAR
);

CREATE TABLE IF NOT EXISTS ingest_event (
    run_id        VARCHAR NOT NULL,
    document_id   VARCHAR,
    file_name     VARCHAR,
    source_path   VARCHAR,
    outcome       VARCHAR NOT NULL,          -- loaded | unchanged | rejected | copy | revision | reloaded
    reason        VARCHAR,
    event_at      TIMESTAMP NOT NULL DEFAULT current_timestamp
);

-- What became of a run's consistency rules (rules evaluated … | rule errors: … | rules not evaluated: …
-- | FISCAL_CHECKS=0), and why a run stopped early (its end is recorded whatever happens).
ALTER TABLE ingest_run ADD COLUMN IF NOT EXISTS checks VARCHAR;
ALTER TABLE ingest_run ADD COLUMN IF NOT EXISTS note VARCHAR;
