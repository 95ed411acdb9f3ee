-- 收支总表 财政拨款 income lines = 财政拨款收支总表 fund income lines (FIN_01 ↔ FIN_04):
-- 一般公共预算, 政府性基金预算, 国有资本经营预算 (or one 财政拨款收入 line = 本年收入合计).
SELECT * FROM chk_compare(['FIN_01:income_gpb:*'], ['FIN_04:income_gpb:*'], 'eq')
UNION ALL BY NAME
SELECT * FROM chk_compare(['FIN_01:income_gov_fund:*'], ['FIN_04:income_gov_fund:*'], 'eq')
UNION ALL BY NAME
SELECT * FROM chk_compare(['FIN_01:income_soe:*'], ['FIN_04:income_soe:*'], 'eq')
UNION ALL BY NAME
SELECT * FROM chk_compare(['FIN_01:income_fiscal:*'], ['FIN_04:income_total:*'], 'eq')
WHERE document_id IN (SELECT document_id FROM chk_cell WHERE table_id = 'FIN_01' AND key = 'income_fiscal')
