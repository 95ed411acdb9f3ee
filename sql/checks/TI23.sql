-- 一般公共预算支出表: 合计 = Σ 类 in every column (FIN_05, BUD_05).
SELECT * FROM chk_roots_sum('FIN_05', 'total')
UNION ALL BY NAME
SELECT * FROM chk_roots_sum('BUD_05', 'total')
