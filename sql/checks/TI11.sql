-- 支出表: 类 = Σ 款, 款 = Σ 项 in every column (FIN_03, BUD_03).
SELECT * FROM chk_hierarchy('FIN_03')
UNION ALL BY NAME
SELECT * FROM chk_hierarchy('BUD_03')
