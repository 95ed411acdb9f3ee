-- 收支总表 收入侧: 总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余
-- (only where the 本年收入合计 line is printed: budget templates often list the sources only).
SELECT * REPLACE (chk_unknown_lines(expected, actual, envelope, document_id, 'FIN_01') AS expected)
FROM chk_compare(['FIN_01:income_grand_total:*'],
                          ['FIN_01:income_total:*', 'FIN_01:use_nonfiscal_balance:*', 'FIN_01:carry_in:*'], 'eq')
WHERE document_id IN (SELECT document_id FROM chk_cell WHERE table_id = 'FIN_01' AND key = 'income_total')
UNION ALL BY NAME
SELECT * REPLACE (chk_unknown_lines(expected, actual, envelope, document_id, 'BUD_01') AS expected)
FROM chk_compare(['BUD_01:income_grand_total:*'],
                          ['BUD_01:income_total:*', 'BUD_01:use_nonfiscal_balance:*', 'BUD_01:carry_in:*'], 'eq')
WHERE document_id IN (SELECT document_id FROM chk_cell WHERE table_id = 'BUD_01' AND key = 'income_total')
