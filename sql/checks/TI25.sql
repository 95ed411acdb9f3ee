-- 一般公共预算财政拨款基本支出决算表: 人员经费合计 = 工资福利支出 (301) + 对个人和家庭的补助 (303),
-- summed over the highest printed economic rows of those classes.
WITH parts AS (
    SELECT document_id, sum(amount) AS s, count(amount) AS n, sum(half_ulp) AS ulp, max(half_ulp) AS ulp_max
    FROM chk_economic_root WHERE class_code IN ('301', '303') GROUP BY ALL
)
SELECT t.document_id, 'FIN_06 人员经费合计 = Σ 301 + 303 (' || p.n || ' rows)' AS location,
       p.s AS expected, t.amount AS actual, p.n AS n_terms,
       chk_envelope(p.n, p.ulp + t.half_ulp, t.half_ulp, p.ulp_max) AS envelope, 'eq' AS comparison,
       t.page, 'FIN_06' AS table_id, t.x0, t.top, t.x1, t.bottom
FROM chk_cell t JOIN parts p ON p.document_id = t.document_id
WHERE t.table_id = 'FIN_06' AND t.key = 'personnel_total' AND t.measure = 'final'
