-- 三公 figures (budgets, actuals, last year's) are never negative (FIN_09, BUD_07).
SELECT c.document_id, c.table_id || ' ' || c.key || ' [' || c.measure || '] >= 0' AS location,
       CAST(0 AS DECIMAL(28, 6)) AS expected, c.amount AS actual, 1 AS n_terms,
       CAST(0 AS DECIMAL(28, 8)) AS envelope, 'ge' AS comparison,
       c.page, c.table_id, c.x0, c.top, c.x1, c.bottom
FROM chk_cell c JOIN check_scope s ON s.document_id = c.document_id
WHERE c.table_id IN ('FIN_09', 'BUD_07') AND c.key LIKE 'sangong%'
  AND c.measure NOT LIKE 'change%' AND c.measure NOT LIKE '%pct'  -- 增减 columns may go below zero
