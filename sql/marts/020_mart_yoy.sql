-- mart_yoy: year over year per department × document kind × table × account × measure.
-- One row per account printed in year N or (for `dropped`) in N−1, with the prior year's document.
--
-- comparison: both            printed in N and N−1: change_wan and change_pct are computed
--             new             printed in N; the N−1 table exists but does not print the account
--             dropped         printed in N−1; the N table exists but does not print it
--             no_prior_table  printed in N; no N−1 document of the department has this table
-- A blank is not a zero: change is only computed for `both`. change_pct is NULL on a zero base.
-- Printed change columns (增减额, 增长率) are not compared year over year.
CREATE OR REPLACE VIEW mart_yoy AS
WITH cur AS (
    SELECT * FROM mart_account_year WHERE measure NOT IN ('change', 'change_pct')
),
tables_present AS (
    SELECT DISTINCT department_key, fiscal_year, doc_kind, table_id FROM cur
),
j AS (
    SELECT coalesce(c.department_key, p.department_key) AS department_key,
           coalesce(c.fiscal_year, p.fiscal_year + 1) AS fiscal_year,
           coalesce(c.doc_kind, p.doc_kind) AS doc_kind,
           coalesce(c.table_id, p.table_id) AS table_id,
           coalesce(c.account_scheme, p.account_scheme) AS account_scheme,
           coalesce(c.item_key, p.item_key) AS item_key,
           coalesce(c.measure, p.measure) AS measure,
           c.item_key IS NOT NULL AS in_current, p.item_key IS NOT NULL AS in_prior,
           c.department, c.department_printed, c.region, c.entity_level, c.table_name, c.account_code, c.line_item,
           c.account_level, c.parent_code, c.account_name, c.amount_wan, c.n_values, c.values_printed,
           c.document_id, c.file_name, c.page, c.x0, c."top", c.x1, c.bottom,
           p.department AS p_department, p.region AS p_region, p.entity_level AS p_entity_level,
           p.table_name AS p_table_name, p.account_code AS p_account_code, p.line_item AS p_line_item,
           p.account_level AS p_account_level, p.parent_code AS p_parent_code,
           p.account_name AS prior_account_name, p.amount_wan AS prior_amount_wan, p.n_values AS prior_n_values,
           p.document_id AS prior_document_id, p.file_name AS prior_file_name, p.page AS prior_page,
           p.x0 AS prior_x0, p."top" AS prior_top, p.x1 AS prior_x1, p.bottom AS prior_bottom
    FROM cur c
    FULL JOIN cur p
      ON p.department_key = c.department_key AND p.fiscal_year = c.fiscal_year - 1 AND p.doc_kind = c.doc_kind
     AND p.table_id = c.table_id AND p.account_scheme = c.account_scheme AND p.item_key = c.item_key
     AND p.measure = c.measure
)
SELECT j.department_key, coalesce(j.department, j.p_department) AS department, j.department_printed,
       coalesce(j.region, j.p_region) AS region, coalesce(j.entity_level, j.p_entity_level) AS entity_level,
       j.doc_kind, j.table_id, coalesce(j.table_name, j.p_table_name) AS table_name, j.account_scheme,
       coalesce(j.account_code, j.p_account_code) AS account_code, coalesce(j.line_item, j.p_line_item) AS line_item,
       j.item_key, coalesce(j.account_level, j.p_account_level) AS account_level,
       coalesce(j.parent_code, j.p_parent_code) AS parent_code,
       coalesce(j.account_name, j.prior_account_name) AS account_name, j.prior_account_name, j.measure,
       j.fiscal_year, j.amount_wan, j.fiscal_year - 1 AS prior_year, j.prior_amount_wan,
       j.amount_wan - j.prior_amount_wan AS change_wan,
       abs(j.amount_wan - j.prior_amount_wan) AS abs_change_wan,
       exact_pct(j.amount_wan - j.prior_amount_wan, j.prior_amount_wan) AS change_pct,
       CASE WHEN j.in_current AND j.in_prior THEN 'both'
            WHEN j.in_prior THEN 'dropped'
            WHEN pt.table_id IS NOT NULL THEN 'new'
            ELSE 'no_prior_table' END AS comparison,
       j.n_values, j.prior_n_values, j.values_printed,
       j.document_id, j.file_name, j.page, j.x0, j."top", j.x1, j.bottom,
       j.prior_document_id, j.prior_file_name, j.prior_page, j.prior_x0, j.prior_top, j.prior_x1, j.prior_bottom
FROM j
LEFT JOIN tables_present ct
  ON ct.department_key = j.department_key AND ct.fiscal_year = j.fiscal_year AND ct.doc_kind = j.doc_kind
 AND ct.table_id = j.table_id
LEFT JOIN tables_present pt
  ON pt.department_key = j.department_key AND pt.fiscal_year = j.fiscal_year - 1 AND pt.doc_kind = j.doc_kind
 AND pt.table_id = j.table_id
WHERE j.in_current OR ct.table_id IS NOT NULL;
