-- 情况说明 收入: the stated 本年收入合计 = FIN_01 本年收入合计.
SELECT * FROM chk_stated(['overview', 'income'], ['income_total'], ['amount'], 'FIN_01:income_total:*', 'eq', NULL, NULL)
