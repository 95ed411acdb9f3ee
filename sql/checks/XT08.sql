-- 一般公共预算支出表 基本支出 合计 = 基本支出表 人员经费 + 公用经费 (FIN_05 ↔ FIN_06), = 基本支出表 合计 (BUD_05 ↔ BUD_06).
-- A budget economic table that prints 基本支出 beside 项目支出 (深圳 一般公共预算支出表(按经济分类)) is
-- compared through its 基本支出 column.
SELECT * FROM chk_compare(['FIN_05:total:basic'], ['FIN_06:personnel_total:final', 'FIN_06:public_total:final'], 'eq')
UNION ALL BY NAME
SELECT * FROM chk_compare(['BUD_05:total:basic'], ['BUD_06:total:total'], 'eq')
WHERE document_id NOT IN (SELECT document_id FROM chk_cell WHERE table_id = 'BUD_06' AND key = 'total' AND measure = 'basic')
UNION ALL BY NAME
SELECT * FROM chk_compare(['BUD_05:total:basic'], ['BUD_06:total:basic'], 'eq')
WHERE document_id IN (SELECT document_id FROM chk_cell WHERE table_id = 'BUD_06' AND key = 'total' AND measure = 'basic')
