-- 情况说明 五 (一般公共预算财政拨款支出): the stated 一般公共预算财政拨款支出 (决算) = FIN_05 合计.
SELECT * FROM chk_stated(['gpb'], ['gpb_expense', 'fiscal_expense'], ['amount', 'final'], 'FIN_05:total:total', 'eq', NULL, NULL)
