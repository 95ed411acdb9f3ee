-- 支出表: 合计 = Σ 类 in every column (FIN_03, BUD_03).
SELECT * FROM chk_roots_sum('FIN_03', 'total')
UNION ALL BY NAME
SELECT * FROM chk_roots_sum('BUD_03', 'total')
