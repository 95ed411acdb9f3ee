-- 政府性基金 / 国有资本经营 收入支出决算表, each row: 年末结转和结余 = 年初结转和结余 + 本年收入 − 本年支出
-- (FIN_07, FIN_08). Rows printing none of 年初/收入/年末 are left out.
WITH rows AS (
    SELECT c.document_id, c.table_id, c.key, first(c.account_name ORDER BY c.page, c.top, c.x0) AS name,
           max(c.amount) FILTER (WHERE c.measure = 'carry_in') AS carry_in,
           max(c.amount) FILTER (WHERE c.measure = 'income') AS income,
           max(c.amount) FILTER (WHERE c.measure = 'total') AS spent,
           max(c.amount) FILTER (WHERE c.measure = 'carry_out') AS carry_out,
           count(c.amount) FILTER (WHERE c.measure IN ('carry_in', 'income', 'total')) AS n,
           sum(c.half_ulp) FILTER (WHERE c.measure IN ('carry_in', 'income', 'total', 'carry_out')) AS ulp,
           first(c.page ORDER BY c.page, c.top, c.x0) FILTER (WHERE c.measure = 'carry_out') AS page,
           first(c.x0 ORDER BY c.page, c.top, c.x0) FILTER (WHERE c.measure = 'carry_out') AS x0,
           first(c.top ORDER BY c.page, c.top, c.x0) FILTER (WHERE c.measure = 'carry_out') AS top,
           first(c.x1 ORDER BY c.page, c.top, c.x0) FILTER (WHERE c.measure = 'carry_out') AS x1,
           first(c.bottom ORDER BY c.page, c.top, c.x0) FILTER (WHERE c.measure = 'carry_out') AS bottom
    FROM chk_cell c JOIN check_scope s ON s.document_id = c.document_id
    WHERE c.table_id IN ('FIN_07', 'FIN_08')
    GROUP BY ALL
)
SELECT document_id, table_id || ' ' || key || ' ' || coalesce(name, '') || ': 年末 = 年初 + 本年收入 − 本年支出' AS location,
       coalesce(carry_in, 0) + coalesce(income, 0) - coalesce(spent, 0) AS expected,
       coalesce(carry_out, 0) AS actual, n AS n_terms, chk_envelope(n, ulp, NULL, NULL) AS envelope,
       'eq' AS comparison, page, table_id, x0, top, x1, bottom
FROM rows
WHERE carry_in IS NOT NULL OR income IS NOT NULL OR carry_out IS NOT NULL
