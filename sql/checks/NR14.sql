-- 情况说明 六: the stated 人员经费 = FIN_06 人员经费合计.
SELECT * FROM chk_stated(['gpb_basic'], ['personnel'], ['amount'], 'FIN_06:personnel_total:final', 'eq', NULL, NULL)
