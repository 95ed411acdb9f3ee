-- mart_account_year: one printed figure per department × fiscal year × document kind × table ×
-- account × measure, from the current loaded documents. The base of the analyst marts.
--
-- item_key names the row: the account code, else the canonical line item, else the printed label
-- ('label:<side>:<name>'). A figure printed more than once (a table repeated on two pages, a pack
-- published as two PDFs) is one row. When the printings disagree, amount_wan is NULL, n_values > 1
-- and values_printed lists them: the mart never picks one of two contradicting printed numbers.
-- Lineage (document, file, page, cell box) is the first printing: lowest document id, page, row.
CREATE OR REPLACE VIEW mart_account_year AS
WITH f AS (
    SELECT f.*, d.file_name, d.department AS department_printed,
           CASE WHEN f.account_code <> '' THEN f.account_code
                WHEN f.line_item <> '' THEN f.line_item
                ELSE 'label:' || coalesce(f.side, '') || ':' || coalesce(f.account_name, '')
           END AS item_key
    FROM v_fact_department f  -- the department's own figures: per-unit rows out, cross-classified rows summed
    JOIN document d USING (document_id)
    WHERE d.is_current AND d.status = 'loaded' AND f.department_key IS NOT NULL AND f.fiscal_year IS NOT NULL
),
g AS (
    SELECT department_key, fiscal_year, doc_kind, table_id, account_scheme, item_key, account_code, line_item,
           measure,
           CASE WHEN count(DISTINCT amount_wan) = 1 THEN min(amount_wan) END AS amount_wan,
           count(DISTINCT amount_wan) AS n_values,
           count(*) AS n_printed,
           string_agg(DISTINCT amount_text, ' / ' ORDER BY amount_text) AS values_printed,
           first(account_name ORDER BY document_id, page, row_index, col_index) AS account_name,
           first(department_printed ORDER BY document_id, page, row_index, col_index) AS department_printed,
           first(unit_printed ORDER BY document_id, page, row_index, col_index) AS unit_printed,
           first(document_id ORDER BY document_id, page, row_index, col_index) AS document_id,
           first(file_name ORDER BY document_id, page, row_index, col_index) AS file_name,
           first(page ORDER BY document_id, page, row_index, col_index) AS page,
           first(x0 ORDER BY document_id, page, row_index, col_index) AS x0,
           first("top" ORDER BY document_id, page, row_index, col_index) AS "top",
           first(x1 ORDER BY document_id, page, row_index, col_index) AS x1,
           first(bottom ORDER BY document_id, page, row_index, col_index) AS bottom
    FROM f
    GROUP BY ALL
)
SELECT g.department_key, dep.canonical_name AS department, g.department_printed, dep.region, dep.entity_level,
       g.fiscal_year, g.doc_kind, g.table_id, t.name AS table_name, g.account_scheme, g.item_key, g.account_code,
       g.line_item, account_level(g.account_scheme, g.account_code) AS account_level,
       account_parent(g.account_scheme, g.account_code) AS parent_code, g.account_name, g.measure, g.amount_wan,
       g.n_values, g.n_printed, g.values_printed, g.unit_printed, g.document_id, g.file_name, g.page,
       g.x0, g."top", g.x1, g.bottom
FROM g
JOIN dim_department dep USING (department_key)
LEFT JOIN dim_table t USING (table_id);
