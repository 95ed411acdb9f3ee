-- 财政拨款收支总表: 收入总计 = 支出总计 (FIN_04, BUD_04).
SELECT * FROM chk_compare(['FIN_04:income_grand_total:*'], ['FIN_04:expense_grand_total:*'], 'eq')
UNION ALL BY NAME
SELECT * FROM chk_compare(['BUD_04:income_grand_total:*'], ['BUD_04:expense_grand_total:*'], 'eq')
