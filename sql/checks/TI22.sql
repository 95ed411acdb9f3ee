-- 一般公共预算支出表: 类 = Σ 款, 款 = Σ 项 in every column (FIN_05, BUD_05).
SELECT * FROM chk_hierarchy('FIN_05')
UNION ALL BY NAME
SELECT * FROM chk_hierarchy('BUD_05')
