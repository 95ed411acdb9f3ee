-- 机关运行经费 is the 日常公用经费 of the basic expenditure: the stated amount <= FIN_06 公用经费合计.
SELECT * FROM chk_stated(['opex'], ['opex'], ['amount'], 'FIN_06:public_total:final', 'le', NULL, NULL)
