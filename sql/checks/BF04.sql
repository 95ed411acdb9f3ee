-- FIN_09 三公 预算数 printed as 年初预算 = that year's 预算 pack BUD_07, item by item (全年 / adjusted
-- budgets differ legitimately and are left out).
SELECT f.document_id, 'FIN_09 ' || f.key || ' 年初预算 = BUD_07 of the ' || pa.partner_year || ' budget pack' AS location,
       CASE WHEN tb.table_id IS NOT NULL THEN coalesce(b.amount, 0) END AS expected, f.amount AS actual, 1 AS n_terms,
       chk_envelope(1, NULL, f.half_ulp, b.half_ulp) AS envelope, 'eq' AS comparison, f.page, 'FIN_09' AS table_id,
       f.x0, f.top, f.x1, f.bottom
FROM chk_fact f
JOIN check_scope sc ON sc.document_id = f.document_id
JOIN chk_partner pa ON pa.document_id = f.document_id AND pa.relation = 'budget'
LEFT JOIN chk_table tb ON tb.document_id = pa.partner_id AND tb.table_id = 'BUD_07'
LEFT JOIN chk_cell b ON b.document_id = pa.partner_id AND b.table_id = 'BUD_07' AND b.key = f.key AND b.measure = 'budget'
WHERE f.table_id = 'FIN_09' AND f.measure = 'budget' AND f.key LIKE 'sangong%' AND f.header LIKE '%年初%'
