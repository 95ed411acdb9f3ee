-- 一般公共预算 (FIN_05) is part of all funds (FIN_03): every code row's 合计 / 基本支出 / 项目支出 in
-- FIN_05 is at most the same row of FIN_03.
SELECT * FROM chk_compare_codes('FIN_05', 'total', 'FIN_03', 'total', NULL, 'le')
UNION ALL BY NAME
SELECT * FROM chk_compare_codes('FIN_05', 'basic', 'FIN_03', 'basic', NULL, 'le')
UNION ALL BY NAME
SELECT * FROM chk_compare_codes('FIN_05', 'project', 'FIN_03', 'project', NULL, 'le')
