-- The 收支总表 总计 is printed and is not zero (a zero or blank grand total means an empty or
-- broken pack).
SELECT d.document_id, t.table_id || ' 总计 printed and > 0' AS location,
       CAST(0 AS DECIMAL(28, 6)) AS expected, c.amount AS actual, 1 AS n_terms, 0 AS envelope,
       'holds' AS comparison, coalesce(c.amount, 0) > 0 AS holds, coalesce(c.page, t.page) AS page, t.table_id,
       c.x0, c.top, c.x1, c.bottom
FROM chk_document d
JOIN chk_table t ON t.document_id = d.document_id AND t.table_id = CASE d.doc_kind WHEN 'final' THEN 'FIN_01' ELSE 'BUD_01' END
LEFT JOIN chk_cell c ON c.document_id = d.document_id AND c.table_id = t.table_id
     AND c.key IN ('income_grand_total', 'expense_grand_total') AND c.is_overall
QUALIFY row_number() OVER (PARTITION BY d.document_id ORDER BY c.key NULLS LAST) = 1
