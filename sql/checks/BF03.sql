-- The 决算 narrative's 年初预算 per 类/款/项 = that year's 预算 pack 一般公共预算支出表 row (BUD_05).
SELECT * FROM chk_stated(['gpb'], ['function'], ['budget'], 'BUD_05:{code}:total', 'eq', NULL, 'budget')
