-- 财政拨款收支总表 支出侧, every fund column: 总计 = 本年支出合计 + 年末财政拨款结转和结余.
SELECT * FROM chk_compare(['FIN_04:expense_grand_total:total'], ['FIN_04:expense_total:total', 'FIN_04:carry_out:total'], 'eq')
UNION ALL BY NAME
SELECT * FROM chk_compare(['FIN_04:expense_grand_total:gpb'], ['FIN_04:expense_total:gpb', 'FIN_04:carry_out:gpb'], 'eq')
UNION ALL BY NAME
SELECT * FROM chk_compare(['FIN_04:expense_grand_total:gov_fund'], ['FIN_04:expense_total:gov_fund', 'FIN_04:carry_out:gov_fund'], 'eq')
UNION ALL BY NAME
SELECT * FROM chk_compare(['FIN_04:expense_grand_total:soe'], ['FIN_04:expense_total:soe', 'FIN_04:carry_out:soe'], 'eq')
UNION ALL BY NAME
SELECT * FROM chk_compare(['BUD_04:expense_grand_total:*'], ['BUD_04:expense_total:*', 'BUD_04:carry_out:*'], 'eq')
WHERE document_id IN (SELECT document_id FROM chk_cell WHERE table_id = 'BUD_04' AND key = 'expense_total')
