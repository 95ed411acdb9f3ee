-- 财政拨款 spending is part of all spending: FIN_04 本年支出合计 and each 类 line (合计 column) <= the
-- same line of FIN_01.
SELECT * FROM chk_compare(['FIN_04:expense_total:*'], ['FIN_01:expense_total:*'], 'le')
UNION ALL BY NAME
SELECT * FROM chk_compare_codes('FIN_04', 'total', 'FIN_01', 'final', 3, 'le')
