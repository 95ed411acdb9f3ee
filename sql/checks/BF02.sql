-- The 决算 narrative's 一般公共预算财政拨款支出 年初预算 = that year's 预算 pack 一般公共预算支出表 合计 (BUD_05).
SELECT * FROM chk_stated(['gpb'], ['gpb_expense', 'fiscal_expense'], ['budget'], 'BUD_05:total:total', 'eq', NULL, 'budget')
