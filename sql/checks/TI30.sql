-- Fund tables: 合计 = Σ 类 in every column (FIN_07, FIN_08, BUD_08, BUD_09).
SELECT * FROM chk_roots_sum('FIN_07', 'total')
UNION ALL BY NAME
SELECT * FROM chk_roots_sum('FIN_08', 'total')
UNION ALL BY NAME
SELECT * FROM chk_roots_sum('BUD_08', 'total')
UNION ALL BY NAME
SELECT * FROM chk_roots_sum('BUD_09', 'total')
