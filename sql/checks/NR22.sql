-- 政府采购: the stated total = stated 货物 + 工程 + 服务 (when all three are stated).
WITH p AS (
    SELECT s.document_id,
           max(s.value) FILTER (WHERE s.topic = 'procurement_total') AS total,
           max(s.half_ulp) FILTER (WHERE s.topic = 'procurement_total') AS total_ulp,
           first(s.page ORDER BY s.stmt_seq) FILTER (WHERE s.topic = 'procurement_total') AS page,
           sum(s.value) FILTER (WHERE s.topic IN ('procurement_goods', 'procurement_works', 'procurement_services')) AS parts,
           sum(s.half_ulp) FILTER (WHERE s.topic IN ('procurement_goods', 'procurement_works', 'procurement_services')) AS parts_ulp,
           count(DISTINCT s.topic) FILTER (WHERE s.topic IN ('procurement_goods', 'procurement_works', 'procurement_services')) AS n
    FROM chk_statement s JOIN check_scope sc ON sc.document_id = s.document_id
    WHERE s.section = 'procurement' AND s.measure = 'amount' AND s.is_money
      AND s.stmt_seq <= coalesce((SELECT max(t.stmt_seq) FROM chk_statement t WHERE t.document_id = s.document_id
                                  AND t.topic = 'procurement_services' AND t.section = 'procurement'), 0)
    GROUP BY s.document_id
)
SELECT document_id, 'narrative p' || page || ' [procurement] 政府采购 total = 货物 + 工程 + 服务' AS location,
       parts AS expected, total AS actual, n AS n_terms, total_ulp + parts_ulp AS envelope, 'eq' AS comparison, page
FROM p
WHERE total IS NOT NULL AND n = 3
