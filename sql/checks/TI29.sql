-- Fund tables: 类 = Σ 款, 款 = Σ 项 in every column (FIN_07, FIN_08, BUD_08, BUD_09).
SELECT * FROM chk_hierarchy('FIN_07')
UNION ALL BY NAME
SELECT * FROM chk_hierarchy('FIN_08')
UNION ALL BY NAME
SELECT * FROM chk_hierarchy('BUD_08')
UNION ALL BY NAME
SELECT * FROM chk_hierarchy('BUD_09')
