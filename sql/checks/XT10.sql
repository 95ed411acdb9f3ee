-- 财政拨款收支总表 政府性基金预算 本年支出合计 = 政府性基金预算支出表 合计 (FIN_04 ↔ FIN_07, BUD_04 ↔ BUD_08);
-- an empty 政府性基金 table (本表无数据) must go with a blank or zero column.
SELECT * FROM chk_compare(['FIN_04:expense_total:gov_fund'], ['FIN_07:total:total'], 'eq')
UNION ALL BY NAME
SELECT * FROM chk_compare(['BUD_04:expense_total:gov_fund'], ['BUD_08:total:total'], 'eq')
