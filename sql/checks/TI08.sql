-- 收入表: 类 = Σ 款, 款 = Σ 项 in every column (FIN_02, BUD_02).
SELECT * FROM chk_hierarchy('FIN_02')
UNION ALL BY NAME
SELECT * FROM chk_hierarchy('BUD_02')
