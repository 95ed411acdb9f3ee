-- 情况说明: stated 类 amounts = the 类 row of the table the section explains (一般公共预算 section:
-- FIN_05; 支出 / 总体 sections: FIN_03).
SELECT * FROM chk_stated(['gpb'], ['function'], ['amount', 'final'], 'FIN_05:{code}:total', 'eq', 3, NULL)
UNION ALL BY NAME
SELECT * FROM chk_stated(['overview', 'expense'], ['function'], ['amount', 'final'], 'FIN_03:{code}:total', 'eq', 3, NULL)
