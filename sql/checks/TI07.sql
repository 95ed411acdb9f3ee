-- 收入表, each row: 本年收入合计 = Σ 收入来源 columns (FIN_02, BUD_02). A row printing a 财政拨款
-- column sums it instead of its 一般公共预算 / 政府性基金 / 国有资本经营 breakdown columns.
WITH cells AS (
    SELECT c.* FROM chk_cell c JOIN check_scope s ON s.document_id = c.document_id
    WHERE c.table_id IN ('FIN_02', 'BUD_02')
),
fiscal_col AS (SELECT DISTINCT document_id, table_id FROM cells WHERE measure = 'fiscal'),
parts AS (
    SELECT c.document_id, c.table_id, c.key, sum(c.amount) AS s, count(c.amount) AS n, sum(c.half_ulp) AS ulp,
           max(c.half_ulp) AS ulp_max
    FROM cells c
    LEFT JOIN fiscal_col f ON f.document_id = c.document_id AND f.table_id = c.table_id
    WHERE c.measure IN ('fiscal', 'gpb', 'gov_fund', 'soe', 'upper_subsidy', 'business', 'operating', 'affiliated',
                        'other', 'special_account', 'unit_funds', 'carry_in')
      AND NOT (f.document_id IS NOT NULL AND c.measure IN ('gpb', 'gov_fund', 'soe'))
    GROUP BY ALL
)
SELECT t.document_id, t.table_id || ' ' || t.key || ' ' || coalesce(t.account_name, '') || ': total = Σ '
           || p.n || ' source columns' AS location,
       p.s AS expected, t.amount AS actual, p.n AS n_terms,
       chk_envelope(p.n, p.ulp + t.half_ulp, t.half_ulp, p.ulp_max) AS envelope, 'eq' AS comparison,
       t.page, t.table_id, t.x0, t.top, t.x1, t.bottom
FROM cells t JOIN parts p ON p.document_id = t.document_id AND p.table_id = t.table_id AND p.key = t.key
WHERE t.measure = 'total'
