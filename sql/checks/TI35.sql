-- 部门决算相关信息统计表: 政府采购 合计 = 货物 + 工程 + 服务 (FIN_10).
SELECT * FROM chk_compare(['FIN_10:procurement_total:*'],
                          ['FIN_10:procurement_goods:*', 'FIN_10:procurement_works:*', 'FIN_10:procurement_services:*'], 'eq')
