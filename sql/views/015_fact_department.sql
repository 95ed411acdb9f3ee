-- The department's own figures, as the rules and the analyst marts read them (fact_amount keeps
-- every printed cell as printed; this view only decides which cells speak for the department):
--   * rows a 部门 pack prints per 单位 (fact_amount.entity: 深圳 / 苏州 / 无锡 per-unit blocks) are that
--     unit's, not the department's, and are left out; the table's own 合计 rows stay;
--   * cross-classified rows (北京 预算03表 / 预算06表: 功能科目 × 经济科目 on one line, cross_class)
--     are added up to their code;
--   * tables the catalogue does not know (BUD_X / FIN_X: kept with their printed amounts) say nothing
--     the rules or marts could use, and are left out;
--   * so are the unnamed unit blocks of a function table that prints 项 codes only and starts its
--     code list over (北京 预算05表: each unit's 项 rows one block after another, no unit name).
-- A summed row carries n_summed > 1, the sum as amount_text, half_ulp = the rounding of all its
-- printed terms (half a unit of each one's last printed digit, in 万元), and the first printing's
-- page and cell box as its lineage.
-- Half a unit of a figure's last printed digit, in 万元 (amount_text is the figure in 万元 as printed).
CREATE OR REPLACE MACRO printed_half_ulp(amount_text) AS
    CAST(0.5 / pow(10, CASE WHEN strpos(amount_text, '.') > 0 THEN length(amount_text) - strpos(amount_text, '.')
                            ELSE 0 END) AS DECIMAL(28, 8));

CREATE OR REPLACE VIEW v_fact_department AS
WITH f0 AS (
    SELECT f.*, printed_half_ulp(f.amount_text) AS half_ulp
    FROM fact_amount f
    WHERE coalesce(f.entity, '') = ''
      AND f.table_id IN (SELECT table_id FROM dim_table)  -- tables the catalogue knows (not BUD_X / FIN_X)
),
blocks AS (
    SELECT document_id, table_seq
    FROM f0
    WHERE account_scheme = 'function' AND account_code <> '' AND coalesce(cross_class, '') = ''
    GROUP BY ALL
    HAVING min(length(account_code)) = 7 AND count(DISTINCT (page, row_index)) > count(DISTINCT account_code)
),
f AS (
    SELECT f0.* REPLACE (CASE WHEN b.document_id IS NOT NULL AND f0.account_code <> '' THEN 'block'
                              ELSE f0.cross_class END AS cross_class)
    FROM f0 LEFT JOIN blocks b ON b.document_id = f0.document_id AND b.table_seq = f0.table_seq
)
SELECT f.* EXCLUDE (entity), 1 AS n_summed FROM f WHERE coalesce(cross_class, '') = ''
UNION ALL BY NAME
SELECT document_id, table_seq, table_id, department_key, fiscal_year, doc_kind, account_scheme, account_code,
       line_item, measure, side,
       first(account_name ORDER BY page, row_index, col_index) AS account_name,
       sum(amount_wan) AS amount_wan, sum(half_ulp) AS half_ulp,
       CAST(sum(amount_wan) AS VARCHAR) AS amount_text, NULL AS amount_printed,
       first(unit_printed ORDER BY page, row_index, col_index) AS unit_printed,
       min(page) AS page, first(x0 ORDER BY page, row_index, col_index) AS x0,
       first(top ORDER BY page, row_index, col_index) AS top,
       first(x1 ORDER BY page, row_index, col_index) AS x1,
       first(bottom ORDER BY page, row_index, col_index) AS bottom,
       min(row_index) AS row_index, min(col_index) AS col_index,
       first(header ORDER BY page, row_index, col_index) AS header,
       'Σ ' || count(*) || ' rows' AS cross_class, count(*) AS n_summed
FROM f WHERE coalesce(cross_class, '') <> ''
GROUP BY document_id, table_seq, table_id, department_key, fiscal_year, doc_kind, account_scheme, account_code,
         line_item, measure, side;
