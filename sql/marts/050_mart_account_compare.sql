-- mart_account_compare: the same account, year, document kind, table and measure across
-- departments: each department's amount, its rank (1 = largest), the number of departments printing
-- the account, their total and the department's share of it. Ranks run over every department in the
-- warehouse; filter by region or entity_level (部门 vs 单位 packs) before comparing like with like.
CREATE OR REPLACE VIEW mart_account_compare AS
SELECT fiscal_year, doc_kind, table_id, table_name, account_scheme, item_key, account_code, line_item,
       account_level, account_name, measure, department_key, department, department_printed, region, entity_level,
       amount_wan,
       rank() OVER (PARTITION BY fiscal_year, doc_kind, table_id, account_scheme, item_key, measure
                    ORDER BY amount_wan DESC NULLS LAST) AS rank_desc,
       count(amount_wan) OVER w AS n_departments,
       sum(amount_wan) OVER w AS total_wan,
       exact_pct(amount_wan, sum(amount_wan) OVER w) AS share_pct,
       document_id, file_name, page, x0, "top", x1, bottom
FROM mart_account_year
WINDOW w AS (PARTITION BY fiscal_year, doc_kind, table_id, account_scheme, item_key, measure);
