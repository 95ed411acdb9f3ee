-- 一般公共预算基本支出表 (预算), each row: 合计 = 人员经费 + 公用经费 (BUD_06).
SELECT * FROM chk_row_sum('BUD_06', 'total', ['personnel', 'public'])
