-- 三公 items bound the matching 经济分类 lines of the basic-expenditure table (basic spending is part
-- of all 财政拨款 spending): 30212 因公出国(境)费用 <= 出国费, 31013 公务用车购置 <= 购置费,
-- 30231 公务用车运行维护费 <= 运行维护费, 30217 公务接待费 <= 接待费 (FIN_06 ↔ FIN_09 决算数, BUD_06 ↔ BUD_07).
-- Item by item, never the totals (references #27).
SELECT * FROM chk_compare(['FIN_06:30212:final'], ['FIN_09:sangong_outbound:final'], 'le')
UNION ALL BY NAME
SELECT * FROM chk_compare(['FIN_06:31013:final'], ['FIN_09:sangong_vehicle_purchase:final'], 'le')
UNION ALL BY NAME
SELECT * FROM chk_compare(['FIN_06:30231:final'], ['FIN_09:sangong_vehicle_operation:final'], 'le')
UNION ALL BY NAME
SELECT * FROM chk_compare(['FIN_06:30217:final'], ['FIN_09:sangong_reception:final'], 'le')
UNION ALL BY NAME
SELECT * FROM chk_compare(['BUD_06:30212:total'], ['BUD_07:sangong_outbound:budget'], 'le')
UNION ALL BY NAME
SELECT * FROM chk_compare(['BUD_06:30231:total'], ['BUD_07:sangong_vehicle_operation:budget'], 'le')
UNION ALL BY NAME
SELECT * FROM chk_compare(['BUD_06:30217:total'], ['BUD_07:sangong_reception:budget'], 'le')
