-- 情况说明 四 (财政拨款收入支出决算总体情况): stated totals = FIN_04 总计 / 本年收入合计 / 本年支出合计.
SELECT * FROM chk_stated(['fiscal'], ['fiscal_grand_total', 'grand_total', 'income_grand_total', 'fiscal_income_grand_total'],
                         ['amount'], 'FIN_04:income_grand_total:*', 'eq', NULL, NULL)
UNION ALL BY NAME
SELECT * FROM chk_stated(['fiscal'], ['expense_grand_total', 'fiscal_expense_grand_total'], ['amount'],
                         'FIN_04:expense_grand_total:*', 'eq', NULL, NULL)
UNION ALL BY NAME
SELECT * FROM chk_stated(['fiscal'], ['income_total'], ['amount'], 'FIN_04:income_total:*', 'eq', NULL, NULL)
UNION ALL BY NAME
SELECT * FROM chk_stated(['fiscal'], ['expense_total'], ['amount'], 'FIN_04:expense_total:*', 'eq', NULL, NULL)
