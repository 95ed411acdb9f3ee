-- 财政拨款收支总表 类 lines, 一般公共预算 column = 一般公共预算支出表 类 合计, code by code (FIN_04 ↔ FIN_05).
SELECT * FROM chk_compare_codes('FIN_04', 'gpb', 'FIN_05', 'total', 3, 'eq')
UNION ALL BY NAME
SELECT * FROM chk_compare_codes('BUD_04', 'gpb', 'BUD_05', 'total', 3, 'eq')
