-- The 决算 narrative's 三公 年初预算 (per item) = that year's 预算 pack (BUD_07), same department.
SELECT * FROM chk_stated(['sangong'], ['sangong_total', 'sangong_outbound', 'sangong_vehicle', 'sangong_vehicle_purchase',
                                       'sangong_vehicle_operation', 'sangong_reception'],
                         ['budget'], 'BUD_07:{topic}:budget', 'eq', NULL, 'budget')
