-- 收支总表 本年收入合计 = 收入表 合计 (FIN_01 ↔ FIN_02, BUD_01 ↔ BUD_02). A 预算 收入总表 printing a
-- 上年结转 column totals 本年收入 + 上年结转: its 合计 is then compared with both lines of BUD_01.
SELECT * FROM chk_compare(['FIN_01:income_total:*'], ['FIN_02:total:total'], 'eq')
UNION ALL BY NAME
SELECT * FROM chk_compare(['BUD_01:income_total:*'], ['BUD_02:total:total'], 'eq')
WHERE document_id IN (SELECT document_id FROM chk_cell WHERE table_id = 'BUD_01' AND key = 'income_total')
  AND document_id NOT IN (SELECT document_id FROM chk_cell WHERE table_id = 'BUD_02' AND measure = 'carry_in')
UNION ALL BY NAME
SELECT * FROM chk_compare(['BUD_01:income_total:*', 'BUD_01:carry_in:*'], ['BUD_02:total:total'], 'eq')
WHERE document_id IN (SELECT document_id FROM chk_cell WHERE table_id = 'BUD_01' AND key = 'income_total')
  AND document_id IN (SELECT document_id FROM chk_cell WHERE table_id = 'BUD_02' AND measure = 'carry_in')
