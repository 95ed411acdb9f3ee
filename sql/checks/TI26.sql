-- 一般公共预算财政拨款基本支出决算表: 公用经费合计 = every other economic class (302 商品和服务支出,
-- 310 资本性支出, …), summed over the highest printed economic rows outside 301 / 303.
SELECT t.document_id, 'FIN_06 公用经费合计 = Σ classes other than 301/303 (' || count(r.amount) || ' rows)' AS location,
       sum(r.amount) AS expected, t.amount AS actual, count(r.amount) AS n_terms,
       chk_envelope(count(r.amount), sum(r.half_ulp) + t.half_ulp, t.half_ulp, max(r.half_ulp)) AS envelope,
       'eq' AS comparison, t.page, 'FIN_06' AS table_id, t.x0, t.top, t.x1, t.bottom
FROM chk_cell t
JOIN chk_economic_root r ON r.document_id = t.document_id AND r.class_code NOT IN ('301', '303')
WHERE t.table_id = 'FIN_06' AND t.key = 'public_total' AND t.measure = 'final'
GROUP BY t.document_id, t.amount, t.half_ulp, t.page, t.x0, t.top, t.x1, t.bottom
