-- 一般公共预算支出表, each row: 合计 = 基本支出 + 项目支出 (FIN_05, BUD_05).
SELECT * FROM chk_row_sum('FIN_05', 'total', ['basic', 'project'])
UNION ALL BY NAME
SELECT * FROM chk_row_sum('BUD_05', 'total', ['basic', 'project'])
