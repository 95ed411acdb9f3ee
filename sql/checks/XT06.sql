-- 财政拨款收支总表 一般公共预算 本年支出合计 = 一般公共预算支出表 合计 (FIN_04 ↔ FIN_05, BUD_04 ↔ BUD_05).
SELECT * FROM chk_compare(['FIN_04:expense_total:gpb'], ['FIN_05:total:total'], 'eq')
UNION ALL BY NAME
SELECT * FROM chk_compare(['BUD_04:expense_total:gpb'], ['BUD_05:total:total'], 'eq')
