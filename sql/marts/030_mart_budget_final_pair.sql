-- mart_budget_final_pair: which 预算 table and measure a 决算 table and measure is compared with.
-- Domain knowledge as data: a new pairing is a new line. Measures are the catalogue's
-- (pipelines/catalogue/measures.yaml): summary tables print one value column (决算数 `final`,
-- 预算数 `budget`); function-code tables print 合计/基本支出/项目支出 in both packs.
CREATE OR REPLACE VIEW mart_budget_final_pair AS
SELECT * FROM (VALUES
    ('FIN_01', 'final',    'BUD_01', 'budget',   '收入支出总表'),
    ('FIN_02', 'total',    'BUD_02', 'total',    '收入（合计）'),
    ('FIN_02', 'fiscal',   'BUD_02', 'fiscal',   '收入（财政拨款）'),
    ('FIN_02', 'business', 'BUD_02', 'business', '收入（事业收入）'),
    ('FIN_02', 'other',    'BUD_02', 'other',    '收入（其他收入）'),
    ('FIN_03', 'total',    'BUD_03', 'total',    '支出（合计）'),
    ('FIN_03', 'basic',    'BUD_03', 'basic',    '支出（基本支出）'),
    ('FIN_03', 'project',  'BUD_03', 'project',  '支出（项目支出）'),
    ('FIN_04', 'total',    'BUD_04', 'total',    '财政拨款收支（合计）'),
    ('FIN_04', 'gpb',      'BUD_04', 'gpb',      '财政拨款收支（一般公共预算）'),
    ('FIN_04', 'gov_fund', 'BUD_04', 'gov_fund', '财政拨款收支（政府性基金）'),
    ('FIN_04', 'final',    'BUD_04', 'budget',   '财政拨款收入'),
    ('FIN_05', 'total',    'BUD_05', 'total',    '一般公共预算支出（合计）'),
    ('FIN_05', 'basic',    'BUD_05', 'basic',    '一般公共预算支出（基本支出）'),
    ('FIN_05', 'project',  'BUD_05', 'project',  '一般公共预算支出（项目支出）'),
    ('FIN_06', 'final',    'BUD_06', 'total',    '一般公共预算基本支出（经济分类）'),
    ('FIN_07', 'total',    'BUD_08', 'total',    '政府性基金预算支出（合计）'),
    ('FIN_07', 'project',  'BUD_08', 'project',  '政府性基金预算支出（项目支出）'),
    ('FIN_08', 'total',    'BUD_09', 'total',    '国有资本经营预算支出（合计）'),
    ('FIN_09', 'final',    'BUD_07', 'budget',   '“三公”经费')
) AS t(final_table, final_measure, budget_table, budget_measure, pair_label);
