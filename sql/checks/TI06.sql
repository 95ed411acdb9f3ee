-- 收支总表: 本年支出合计 = 基本支出 + 项目支出 + 上缴上级支出 + 经营支出 + 对附属单位补助支出
-- (+ 江苏's 单位预留机动经费)
-- (templates printing the expenditure-type lines).
SELECT * REPLACE (chk_unknown_lines(expected, actual, envelope, document_id, 'FIN_01') AS expected)
FROM chk_compare(['FIN_01:expense_total:*'],
                          ['FIN_01:expense_basic:*', 'FIN_01:expense_project:*', 'FIN_01:expense_remit_upper:*',
                           'FIN_01:expense_operating:*', 'FIN_01:expense_affiliated_subsidy:*'], 'eq')
WHERE document_id IN (SELECT document_id FROM chk_cell WHERE table_id = 'FIN_01' AND key = 'expense_basic')
UNION ALL BY NAME
SELECT * REPLACE (chk_unknown_lines(expected, actual, envelope, document_id, 'BUD_01') AS expected)
FROM chk_compare(['BUD_01:expense_total:*'],
                          ['BUD_01:expense_basic:*', 'BUD_01:expense_project:*', 'BUD_01:expense_remit_upper:*',
                           'BUD_01:expense_operating:*', 'BUD_01:expense_affiliated_subsidy:*',
                           'BUD_01:expense_reserve:*'], 'eq')
WHERE document_id IN (SELECT document_id FROM chk_cell WHERE table_id = 'BUD_01' AND key = 'expense_basic')
