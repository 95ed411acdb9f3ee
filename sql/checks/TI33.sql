-- 三公 table: 合计 = 因公出国(境)费 + 公务用车购置及运行维护费 + 公务接待费 (FIN_09 预算数 and 决算数, BUD_07).
SELECT * FROM chk_sangong_total('FIN_09', 'budget')
UNION ALL BY NAME
SELECT * FROM chk_sangong_total('FIN_09', 'final')
UNION ALL BY NAME
SELECT * FROM chk_sangong_total('BUD_07', 'budget')
