-- 收支总表 支出 类 lines = 支出表 类 合计, code by code (FIN_01 ↔ FIN_03, BUD_01 ↔ BUD_03).
SELECT * FROM chk_compare_codes('FIN_01', 'final', 'FIN_03', 'total', 3, 'eq')
UNION ALL BY NAME
SELECT * FROM chk_compare_codes('BUD_01', 'budget', 'BUD_03', 'total', 3, 'eq')
