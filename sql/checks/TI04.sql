-- 收支总表: 本年收入合计 = Σ 收入来源. Templates printing one 财政拨款收入 line sum it instead of
-- its 一般公共预算 / 政府性基金 / 国有资本经营 lines (those are then its breakdown); likewise a
-- 其他资金 (江苏) or 单位资金 (深圳) line stands for the 事业收入 / 经营收入 / 上级补助 / 其他收入
-- lines printed under it.
WITH lines AS (
    SELECT c.* FROM chk_cell c JOIN check_scope s ON s.document_id = c.document_id
    WHERE c.table_id IN ('FIN_01', 'BUD_01') AND c.is_overall
),
fiscal_line AS (SELECT DISTINCT document_id, table_id FROM lines WHERE key = 'income_fiscal'),
other_funds_line AS (SELECT DISTINCT document_id, table_id FROM lines
                     WHERE key IN ('income_other_funds', 'income_unit_funds')),
parts AS (
    SELECT l.document_id, l.table_id, sum(l.amount) AS s, count(l.amount) AS n, sum(l.half_ulp) AS ulp,
           max(l.half_ulp) AS ulp_max, string_agg(l.key || '=' || l.amount, '; ' ORDER BY l.key) AS detail
    FROM lines l
    LEFT JOIN fiscal_line f ON f.document_id = l.document_id AND f.table_id = l.table_id
    LEFT JOIN other_funds_line o ON o.document_id = l.document_id AND o.table_id = l.table_id
    WHERE l.key IN ('income_fiscal', 'income_gpb', 'income_gov_fund', 'income_soe', 'income_upper_subsidy',
                    'income_business', 'income_operating', 'income_affiliated', 'income_other',
                    'income_special_account', 'income_unit_funds', 'income_other_funds')
      AND NOT (f.document_id IS NOT NULL AND l.key IN ('income_gpb', 'income_gov_fund', 'income_soe'))
      AND NOT (o.document_id IS NOT NULL
               AND l.key IN ('income_upper_subsidy', 'income_business', 'income_operating', 'income_affiliated',
                             'income_other'))
    GROUP BY ALL
)
SELECT t.document_id, t.table_id || ' 本年收入合计 = Σ ' || p.n || ' income lines' AS location,
       chk_unknown_lines(p.s, t.amount, chk_envelope(p.n, p.ulp + t.half_ulp, t.half_ulp, p.ulp_max), t.document_id,
                         t.table_id) AS expected, t.amount AS actual, p.n AS n_terms,
       chk_envelope(p.n, p.ulp + t.half_ulp, t.half_ulp, p.ulp_max) AS envelope, 'eq' AS comparison,
       t.page, t.table_id, t.x0, t.top, t.x1, t.bottom, p.detail
FROM lines t JOIN parts p ON p.document_id = t.document_id AND p.table_id = t.table_id
WHERE t.key = 'income_total'
