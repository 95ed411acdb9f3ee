-- 财政拨款收支总表: 本年收入合计 = 一般公共预算 + 政府性基金预算 + 国有资本经营预算 财政拨款 lines.
SELECT * FROM chk_line_sum('FIN_04', 'income_total', ['income_gpb', 'income_gov_fund', 'income_soe'], NULL)
UNION ALL BY NAME
SELECT * FROM chk_line_sum('BUD_04', 'income_total', ['income_gpb', 'income_gov_fund', 'income_soe'], NULL)
