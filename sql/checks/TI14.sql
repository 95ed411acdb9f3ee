-- 财政拨款收支总表 收入侧: 总计 = 本年收入合计 + 年初财政拨款结转和结余 (where 本年收入合计 is printed).
SELECT * FROM chk_line_sum('FIN_04', 'income_grand_total', ['income_total', 'carry_in'], 'income_total')
UNION ALL BY NAME
SELECT * FROM chk_line_sum('BUD_04', 'income_grand_total', ['income_total', 'carry_in'], 'income_total')
