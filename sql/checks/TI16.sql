-- 财政拨款收支总表, each 支出 row: 合计 = 一般公共预算 + 政府性基金预算 + 国有资本经营预算 (FIN_04, BUD_04).
SELECT * FROM chk_row_sum('FIN_04', 'total', ['gpb', 'gov_fund', 'soe'])
UNION ALL BY NAME
SELECT * FROM chk_row_sum('BUD_04', 'total', ['gpb', 'gov_fund', 'soe'])
