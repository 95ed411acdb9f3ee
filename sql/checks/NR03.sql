-- 情况说明 收入/结转: each stated income source and carry-over = its FIN_01 line (财政拨款收入 = FIN_02
-- 合计 财政拨款收入 column, since FIN_01 may print it split by fund).
SELECT * FROM chk_stated(['overview', 'income', 'expense'],
                         ['income_gpb', 'income_gov_fund', 'income_soe', 'income_upper_subsidy', 'income_business',
                          'income_operating', 'income_affiliated', 'income_other', 'use_nonfiscal_balance',
                          'carry_in', 'carry_out'],
                         ['amount'], 'FIN_01:{topic}:*', 'eq', NULL, NULL)
UNION ALL BY NAME
SELECT * FROM chk_stated(['overview', 'income'], ['income_fiscal'], ['amount'], 'FIN_02:total:fiscal', 'eq', NULL, NULL)
