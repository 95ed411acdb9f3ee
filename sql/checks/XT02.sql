-- 收支总表 本年支出合计 = 支出表 合计 (FIN_01 ↔ FIN_03, BUD_01 ↔ BUD_03).
SELECT * FROM chk_compare(['FIN_01:expense_total:*'], ['FIN_03:total:total'], 'eq')
UNION ALL BY NAME
SELECT * FROM chk_compare(['BUD_01:expense_total:*'], ['BUD_03:total:total'], 'eq')
WHERE document_id IN (SELECT document_id FROM chk_cell WHERE table_id = 'BUD_01' AND key = 'expense_total')
