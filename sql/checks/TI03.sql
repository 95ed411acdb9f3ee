-- 收支总表 支出侧: 总计 = 本年支出合计 + 结余分配 + 年末结转和结余 (where 本年支出合计 is printed).
SELECT * REPLACE (chk_unknown_lines(expected, actual, envelope, document_id, 'FIN_01') AS expected)
FROM chk_compare(['FIN_01:expense_grand_total:*'],
                          ['FIN_01:expense_total:*', 'FIN_01:balance_distribution:*', 'FIN_01:carry_out:*'], 'eq')
WHERE document_id IN (SELECT document_id FROM chk_cell WHERE table_id = 'FIN_01' AND key = 'expense_total')
UNION ALL BY NAME
SELECT * REPLACE (chk_unknown_lines(expected, actual, envelope, document_id, 'BUD_01') AS expected)
FROM chk_compare(['BUD_01:expense_grand_total:*'],
                          ['BUD_01:expense_total:*', 'BUD_01:balance_distribution:*', 'BUD_01:carry_out:*'], 'eq')
WHERE document_id IN (SELECT document_id FROM chk_cell WHERE table_id = 'BUD_01' AND key = 'expense_total')
