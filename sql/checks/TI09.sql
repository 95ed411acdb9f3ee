-- 收入表: 合计 = Σ 类 in every column (FIN_02, BUD_02).
SELECT * FROM chk_roots_sum('FIN_02', 'total')
UNION ALL BY NAME
SELECT * FROM chk_roots_sum('BUD_02', 'total')
