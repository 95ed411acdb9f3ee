-- 一般公共预算支出表 基本支出 合计 = 基本支出表 人员经费 + 公用经费 (FIN_05 ↔ FIN_06), = 基本支出表 合计 (BUD_05 ↔ BUD_06).
SELECT * FROM chk_compare(['FIN_05:total:basic'], ['FIN_06:personnel_total:final', 'FIN_06:public_total:final'], 'eq')
UNION ALL BY NAME
SELECT * FROM chk_compare(['BUD_05:total:basic'], ['BUD_06:total:total'], 'eq')
