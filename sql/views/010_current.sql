-- Facts of the current documents only (not superseded revisions, not duplicate copies).
CREATE OR REPLACE VIEW v_fact AS
SELECT f.*, d.department, d.entity_level, d.region, d.file_name
FROM fact_amount f
JOIN document d USING (document_id)
WHERE d.is_current;

CREATE OR REPLACE VIEW v_document_current AS
SELECT * FROM document WHERE is_current;

-- Account names as printed, per year (codes are the key; names change between years).
CREATE OR REPLACE VIEW dim_account_name AS
SELECT account_scheme, account_code AS code, fiscal_year, account_name AS name,
       count(DISTINCT document_id) AS n_documents
FROM v_fact
WHERE account_code <> ''
GROUP BY ALL;
