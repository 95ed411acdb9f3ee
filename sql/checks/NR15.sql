-- 情况说明 六: the stated 公用经费 = FIN_06 公用经费合计.
SELECT * FROM chk_stated(['gpb_basic'], ['public'], ['amount'], 'FIN_06:public_total:final', 'eq', NULL, NULL)
