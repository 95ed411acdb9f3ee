-- 情况说明 五 (具体情况): each 款/项's stated 支出决算 = its FIN_05 合计.
SELECT * FROM chk_stated(['gpb'], ['function'], ['final', 'amount'], 'FIN_05:{code}:total', 'eq', 7, NULL)
UNION ALL BY NAME
SELECT * FROM chk_stated(['gpb'], ['function'], ['final', 'amount'], 'FIN_05:{code}:total', 'eq', 5, NULL)
