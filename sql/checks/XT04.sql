-- 收入表 合计 财政拨款收入 = 财政拨款收支总表 本年收入合计 (FIN_02 ↔ FIN_04, BUD_02 ↔ BUD_04).
SELECT * FROM chk_compare(['FIN_02:total:fiscal'], ['FIN_04:income_total:*'], 'eq')
UNION ALL BY NAME
SELECT * FROM chk_compare(['BUD_02:total:fiscal'], ['BUD_04:income_total:*'], 'eq')
