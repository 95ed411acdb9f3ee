-- 情况说明 政府性基金: stated 收入 / 支出 = FIN_04 政府性基金 lines.
SELECT * FROM chk_stated(['gov_fund'], ['gov_fund_expense', 'expense_grand_total', 'expense_total', 'fiscal_expense'],
                         ['amount'], 'FIN_04:expense_total:gov_fund', 'eq', NULL, NULL)
UNION ALL BY NAME
SELECT * FROM chk_stated(['gov_fund'], ['income_grand_total', 'income_gov_fund', 'income_total'], ['amount'],
                         'FIN_04:income_gov_fund:*', 'eq', NULL, NULL)
