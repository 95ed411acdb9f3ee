-- 机关运行经费 (行政单位 + 参照公务员法管理事业单位, FIN_10) <= 公用经费合计 (FIN_06): it is the 日常
-- 公用经费 of the basic expenditure. Only where the pack prints the 相关信息统计表.
SELECT * FROM chk_compare(['FIN_10:opex_admin_units:*', 'FIN_10:opex_civil_units:*'], ['FIN_06:public_total:final'], 'le')
WHERE document_id IN (SELECT document_id FROM chk_table WHERE table_id = 'FIN_10')
