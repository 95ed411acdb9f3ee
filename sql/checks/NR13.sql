-- 情况说明 六: the stated 一般公共预算财政拨款基本支出 = FIN_05 合计 基本支出.
SELECT * FROM chk_stated(['gpb_basic'], ['gpb_basic', 'basic', 'fiscal_expense', 'gpb_expense'], ['amount'],
                         'FIN_05:total:basic', 'eq', NULL, NULL)
