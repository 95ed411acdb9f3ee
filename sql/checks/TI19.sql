-- 财政拨款收支总表: 本年支出合计 = Σ 支出功能分类 类 lines, in every fund column (FIN_04, BUD_04).
SELECT * FROM chk_roots_sum('FIN_04', 'expense_total')
UNION ALL BY NAME
SELECT * FROM chk_roots_sum('BUD_04', 'expense_total')
