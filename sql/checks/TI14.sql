-- 财政拨款收支总表 收入侧: 总计 = 本年收入合计 + 年初财政拨款结转和结余 (where 本年收入合计 is printed).
SELECT * REPLACE (chk_unknown_lines(expected, actual, envelope, document_id, 'FIN_04') AS expected)
FROM chk_compare(['FIN_04:income_grand_total:*'], ['FIN_04:income_total:*', 'FIN_04:carry_in:*'], 'eq')
WHERE document_id IN (SELECT document_id FROM chk_cell WHERE table_id = 'FIN_04' AND key = 'income_total')
UNION ALL BY NAME
SELECT * REPLACE (chk_unknown_lines(expected, actual, envelope, document_id, 'BUD_04') AS expected)
FROM chk_compare(['BUD_04:income_grand_total:*'], ['BUD_04:income_total:*', 'BUD_04:carry_in:*'], 'eq')
WHERE document_id IN (SELECT document_id FROM chk_cell WHERE table_id = 'BUD_04' AND key = 'income_total')
