-- 情况说明 支出: the stated 基本支出 / 项目支出 = FIN_03 合计 row.
SELECT * FROM chk_stated(['overview', 'expense'], ['basic', 'project'], ['amount'], 'FIN_03:total:{topic}', 'eq', NULL, NULL)
