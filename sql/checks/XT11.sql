-- 财政拨款收支总表 国有资本经营预算 本年支出合计 = 国有资本经营预算支出表 合计 (FIN_04 ↔ FIN_08, BUD_04 ↔ BUD_09).
SELECT * FROM chk_compare(['FIN_04:expense_total:soe'], ['FIN_08:total:total'], 'eq')
UNION ALL BY NAME
SELECT * FROM chk_compare(['BUD_04:expense_total:soe'], ['BUD_09:total:total'], 'eq')
