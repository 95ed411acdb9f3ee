-- 情况说明 一 (收入支出决算总体情况): the stated 收入/支出总计 = FIN_01 总计.
SELECT * FROM chk_stated(['overview'], ['grand_total', 'income_grand_total'], ['amount'],
                         'FIN_01:income_grand_total:*', 'eq', NULL, NULL)
UNION ALL BY NAME
SELECT * FROM chk_stated(['overview'], ['expense_grand_total'], ['amount'], 'FIN_01:expense_grand_total:*', 'eq', NULL, NULL)
