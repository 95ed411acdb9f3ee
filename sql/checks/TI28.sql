-- 政府性基金 / 国有资本经营 fund tables, each row: 本年支出 = 基本支出 + 项目支出
-- (FIN_07, FIN_08, BUD_08, BUD_09).
SELECT * FROM chk_row_sum('FIN_07', 'total', ['basic', 'project'])
UNION ALL BY NAME
SELECT * FROM chk_row_sum('FIN_08', 'total', ['basic', 'project'])
UNION ALL BY NAME
SELECT * FROM chk_row_sum('BUD_08', 'total', ['basic', 'project'])
UNION ALL BY NAME
SELECT * FROM chk_row_sum('BUD_09', 'total', ['basic', 'project'])
