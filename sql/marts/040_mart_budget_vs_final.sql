-- mart_budget_vs_final: per department × fiscal year × account, the 预算 pack's figure against the
-- 决算 pack's figure for the same year (pairs: mart_budget_final_pair), with the execution rate
-- final / budget in percent (NULL on a zero or absent budget). Only department-years with both a
-- 预算 and a 决算 document loaded. status: both | budget_only | final_only (printed on one side only).
CREATE OR REPLACE VIEW mart_budget_vs_final AS
WITH b AS (
    SELECT p.final_table, p.final_measure, p.pair_label, a.*
    FROM mart_budget_final_pair p
    JOIN mart_account_year a ON a.doc_kind = 'budget' AND a.table_id = p.budget_table AND a.measure = p.budget_measure
),
f AS (
    SELECT p.budget_table, p.budget_measure, p.pair_label, a.*
    FROM mart_budget_final_pair p
    JOIN mart_account_year a ON a.doc_kind = 'final' AND a.table_id = p.final_table AND a.measure = p.final_measure
),
both_kinds AS (
    SELECT department_key, fiscal_year FROM mart_account_year
    GROUP BY ALL HAVING count(DISTINCT doc_kind) FILTER (WHERE doc_kind IN ('budget', 'final')) = 2
)
SELECT coalesce(f.department_key, b.department_key) AS department_key,
       coalesce(f.department, b.department) AS department,
       coalesce(f.region, b.region) AS region, coalesce(f.entity_level, b.entity_level) AS entity_level,
       coalesce(f.fiscal_year, b.fiscal_year) AS fiscal_year,
       coalesce(f.pair_label, b.pair_label) AS pair_label,
       coalesce(f.table_id, b.final_table) AS final_table, coalesce(b.table_id, f.budget_table) AS budget_table,
       coalesce(f.measure, b.final_measure) AS final_measure, coalesce(b.measure, f.budget_measure) AS budget_measure,
       coalesce(f.account_scheme, b.account_scheme) AS account_scheme,
       coalesce(f.item_key, b.item_key) AS item_key,
       coalesce(f.account_code, b.account_code) AS account_code,
       coalesce(f.line_item, b.line_item) AS line_item,
       coalesce(f.account_level, b.account_level) AS account_level,
       coalesce(f.parent_code, b.parent_code) AS parent_code,
       coalesce(f.account_name, b.account_name) AS account_name,
       b.amount_wan AS budget_wan, f.amount_wan AS final_wan,
       f.amount_wan - b.amount_wan AS diff_wan,
       exact_pct(f.amount_wan, b.amount_wan) AS execution_rate_pct,
       CASE WHEN f.item_key IS NULL THEN 'budget_only' WHEN b.item_key IS NULL THEN 'final_only' ELSE 'both' END
           AS status,
       b.document_id AS budget_document_id, b.file_name AS budget_file_name, b.page AS budget_page,
       b.x0 AS budget_x0, b."top" AS budget_top, b.x1 AS budget_x1, b.bottom AS budget_bottom,
       f.document_id AS final_document_id, f.file_name AS final_file_name, f.page AS final_page,
       f.x0 AS final_x0, f."top" AS final_top, f.x1 AS final_x1, f.bottom AS final_bottom
FROM f
FULL JOIN b
  ON b.department_key = f.department_key AND b.fiscal_year = f.fiscal_year AND b.final_table = f.table_id
 AND b.final_measure = f.measure AND b.account_scheme = f.account_scheme AND b.item_key = f.item_key
SEMI JOIN both_kinds k
  ON k.department_key = coalesce(f.department_key, b.department_key)
 AND k.fiscal_year = coalesce(f.fiscal_year, b.fiscal_year);
