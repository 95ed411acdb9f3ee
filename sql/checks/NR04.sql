-- 情况说明 支出: the stated 本年支出合计 = FIN_01 本年支出合计.
SELECT * FROM chk_stated(['overview', 'expense'], ['expense_total'], ['amount'], 'FIN_01:expense_total:*', 'eq', NULL, NULL)
