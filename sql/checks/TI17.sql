-- 财政拨款收支总表: 本年收入合计 = 一般公共预算 + 政府性基金预算 + 国有资本经营预算 财政拨款 lines.
SELECT * REPLACE (chk_unknown_lines(expected, actual, envelope, document_id, 'FIN_04') AS expected)
FROM chk_compare(['FIN_04:income_total:*'],
                          ['FIN_04:income_gpb:*', 'FIN_04:income_gov_fund:*', 'FIN_04:income_soe:*'], 'eq')
UNION ALL BY NAME
SELECT * REPLACE (chk_unknown_lines(expected, actual, envelope, document_id, 'BUD_04') AS expected)
FROM chk_compare(['BUD_04:income_total:*'],
                          ['BUD_04:income_gpb:*', 'BUD_04:income_gov_fund:*', 'BUD_04:income_soe:*'], 'eq')
