-- 财政拨款收支总表, per fund: 年初结转和结余 + 本年收入 = 本年支出 + 年末结转和结余.
SELECT * FROM chk_compare(['FIN_04:carry_in_gpb:*', 'FIN_04:income_gpb:*'],
                          ['FIN_04:expense_total:gpb', 'FIN_04:carry_out:gpb'], 'eq')
UNION ALL BY NAME
SELECT * FROM chk_compare(['FIN_04:carry_in_gov_fund:*', 'FIN_04:income_gov_fund:*'],
                          ['FIN_04:expense_total:gov_fund', 'FIN_04:carry_out:gov_fund'], 'eq')
UNION ALL BY NAME
SELECT * FROM chk_compare(['FIN_04:carry_in_soe:*', 'FIN_04:income_soe:*'],
                          ['FIN_04:expense_total:soe', 'FIN_04:carry_out:soe'], 'eq')
