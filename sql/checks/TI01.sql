-- 收支总表: 收入总计 = 支出总计 (FIN_01 收入支出决算总表, BUD_01 收支总表).
SELECT * FROM chk_compare(['FIN_01:income_grand_total:*'], ['FIN_01:expense_grand_total:*'], 'eq')
UNION ALL BY NAME
SELECT * FROM chk_compare(['BUD_01:income_grand_total:*'], ['BUD_01:expense_grand_total:*'], 'eq')
