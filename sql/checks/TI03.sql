-- 收支总表 支出侧: 总计 = 本年支出合计 + 结余分配 + 年末结转和结余 (where 本年支出合计 is printed).
SELECT * FROM chk_line_sum('FIN_01', 'expense_grand_total', ['expense_total', 'balance_distribution', 'carry_out'],
                           'expense_total')
UNION ALL BY NAME
SELECT * FROM chk_line_sum('BUD_01', 'expense_grand_total', ['expense_total', 'balance_distribution', 'carry_out'],
                           'expense_total')
