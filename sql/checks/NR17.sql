-- 情况说明 三公: each stated 决算 / 支出 = the FIN_09 决算数 of the same item. A blank FIN_09 cell reads 0.
SELECT * FROM chk_stated(['sangong'], ['sangong_total', 'sangong_outbound', 'sangong_vehicle', 'sangong_vehicle_purchase',
                                       'sangong_vehicle_operation', 'sangong_reception'],
                         ['final', 'amount'], 'FIN_09:{topic}:final', 'eq', NULL, NULL)
