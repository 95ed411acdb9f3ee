-- 收支总表 收入侧: 总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余
-- (only where the 本年收入合计 line is printed: budget templates often list the sources only).
SELECT * FROM chk_line_sum('FIN_01', 'income_grand_total', ['income_total', 'use_nonfiscal_balance', 'carry_in'],
                           'income_total')
UNION ALL BY NAME
SELECT * FROM chk_line_sum('BUD_01', 'income_grand_total', ['income_total', 'use_nonfiscal_balance', 'carry_in'],
                           'income_total')
