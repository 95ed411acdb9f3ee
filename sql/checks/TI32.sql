-- 三公 table: 公务用车购置及运行维护费 小计 = 购置费 + 运行维护费 (FIN_09 预算数 and 决算数, BUD_07).
SELECT * FROM chk_sangong_vehicle('FIN_09', 'budget')
UNION ALL BY NAME
SELECT * FROM chk_sangong_vehicle('FIN_09', 'final')
UNION ALL BY NAME
SELECT * FROM chk_sangong_vehicle('BUD_07', 'budget')
