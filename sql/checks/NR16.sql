-- 情况说明 三公: each stated 预算 (年初 or 全年) = the FIN_09 预算数 of the same item (合计 / 出国 / 公务用车 /
-- 购置 / 运行 / 接待). A blank FIN_09 cell reads 0.
SELECT * FROM chk_stated(['sangong'], ['sangong_total', 'sangong_outbound', 'sangong_vehicle', 'sangong_vehicle_purchase',
                                       'sangong_vehicle_operation', 'sangong_reception'],
                         ['budget', 'budget_full'], 'FIN_09:{topic}:budget', 'eq', NULL, NULL)
