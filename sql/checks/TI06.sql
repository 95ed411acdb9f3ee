-- 收支总表: 本年支出合计 = 基本支出 + 项目支出 + 上缴上级支出 + 经营支出 + 对附属单位补助支出
-- (+ 江苏's 单位预留机动经费) (templates printing the expenditure-type lines).
SELECT * FROM chk_line_sum('FIN_01', 'expense_total', ['expense_basic', 'expense_project', 'expense_remit_upper',
                                                       'expense_operating', 'expense_affiliated_subsidy'],
                           'expense_basic')
UNION ALL BY NAME
SELECT * FROM chk_line_sum('BUD_01', 'expense_total', ['expense_basic', 'expense_project', 'expense_remit_upper',
                                                       'expense_operating', 'expense_affiliated_subsidy',
                                                       'expense_reserve'],
                           'expense_basic')
