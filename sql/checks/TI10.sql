-- 支出表, each row: 合计 = 基本支出 + 项目支出 + 上缴上级支出 + 经营支出 + 对附属单位补助支出 (FIN_03, BUD_03;
-- 江苏 公开03表 adds 单位预留机动经费).
SELECT * FROM chk_row_sum('FIN_03', 'total', ['basic', 'project', 'remit_upper', 'operating', 'affiliated_subsidy'])
UNION ALL BY NAME
SELECT * FROM chk_row_sum('BUD_03', 'total', ['basic', 'project', 'remit_upper', 'operating', 'affiliated_subsidy',
                                              'reserve'])
