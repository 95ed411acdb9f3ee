-- 基本支出表 (经济分类): 类 = Σ 款 in every column (FIN_06, BUD_06).
SELECT * FROM chk_hierarchy('FIN_06')
UNION ALL BY NAME
SELECT * FROM chk_hierarchy('BUD_06')
