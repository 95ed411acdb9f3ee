-- 收支总表: 本年支出合计 = Σ 支出功能分类 类 lines.
SELECT * FROM chk_roots_sum('FIN_01', 'expense_total')
UNION ALL BY NAME
SELECT * FROM chk_roots_sum('BUD_01', 'expense_total')
