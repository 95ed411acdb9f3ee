-- 收支总表 本年收入合计 = 收入表 合计 (FIN_01 ↔ FIN_02, BUD_01 ↔ BUD_02).
SELECT * FROM chk_compare(['FIN_01:income_total:*'], ['FIN_02:total:total'], 'eq')
UNION ALL BY NAME
SELECT * FROM chk_compare(['BUD_01:income_total:*'], ['BUD_02:total:total'], 'eq')
WHERE document_id IN (SELECT document_id FROM chk_cell WHERE table_id = 'BUD_01' AND key = 'income_total')
