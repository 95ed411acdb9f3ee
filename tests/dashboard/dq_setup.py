"""The data-quality test warehouse: a hostile department name, rule results of two check runs,
and a revised pack with a planted misprint (used by conftest.dq_wh and the browser test)."""
HOSTILE = ('<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>'
           '**粗体** [链接](javascript:window.__pwned=3) :red[红] $x$ 示范市交通运输局')
MISPRINT = ("shifan_jkzx_2024_final", "FIN_05", "2100401", "total", "1660.32")   # printed 1606.32 in the sample

RULES = [
    ("T-HIER-FUNC", "table_internal", "source", "final,budget", "功能分类科目：类 = Σ款，款 = Σ项", "V33-240"),
    ("T-TOTAL-CLASS", "table_internal", "source", "final,budget", "合计 = Σ类", "V33-005"),
]

# One reconciliation per rule, computed from the printed figures like the rules of pipelines/checks:
# expected = Σ children, actual = the parent as printed, envelope = (n + 1) × 0.005 万元.
RECONCILE = """
WITH f AS (
    SELECT DISTINCT ON (document_id, table_id, measure, account_code, line_item)
           document_id, table_id, measure, account_code, line_item, amount_wan, page, x0, "top", x1, bottom
    FROM fact_amount
    WHERE table_id IN ('FIN_03', 'FIN_05', 'BUD_03', 'BUD_05') AND measure = 'total'
      AND (account_scheme = 'function' OR line_item = 'total')
    ORDER BY document_id, table_id, measure, account_code, line_item, page, row_index
),
children AS (
    SELECT 'T-HIER-FUNC' AS rule_id, p.document_id, p.table_id, p.measure, p.account_code, p.line_item,
           c.amount_wan AS child_amount
    FROM f p JOIN f c
      ON c.document_id = p.document_id AND c.table_id = p.table_id AND c.measure = p.measure
     AND length(c.account_code) = length(p.account_code) + 2 AND starts_with(c.account_code, p.account_code)
    WHERE p.account_code <> ''
    UNION ALL
    SELECT 'T-TOTAL-CLASS', p.document_id, p.table_id, p.measure, p.account_code, p.line_item, c.amount_wan
    FROM f p JOIN f c
      ON c.document_id = p.document_id AND c.table_id = p.table_id AND c.measure = p.measure
     AND length(c.account_code) = 3
    WHERE p.line_item = 'total'
)
SELECT k.rule_id, p.document_id, p.table_id || ' ' || coalesce(nullif(p.account_code, ''), '合计') || ' ' || p.measure,
       sum(k.child_amount), p.amount_wan, p.amount_wan - sum(k.child_amount), (count(*) + 1) * 0.005, p.page,
       p.table_id, p.x0, p."top", p.x1, p.bottom
FROM children k
JOIN f p USING (document_id, table_id, measure, account_code, line_item)
GROUP BY k.rule_id, p.document_id, p.table_id, p.measure, p.account_code, p.line_item, p.amount_wan, p.page, p.x0,
         p."top", p.x1, p.bottom
"""


def run_checks(con, run_id: str, started: str) -> None:
    con.execute("INSERT INTO check_run (check_run_id, started_at, finished_at, ruleset) VALUES (?, ?, ?, 'test')",
                [run_id, started, started])
    rows = con.execute(RECONCILE).fetchall()
    con.executemany(
        "INSERT INTO check_result (check_run_id, document_id, rule_id, outcome, location, expected, actual, diff,"
        " envelope, page, table_id, x0, top, x1, bottom, checked_at) VALUES (?, ?, ?, CASE WHEN ? = 0 THEN 'pass'"
        " WHEN abs(?) <= ? THEN 'rounding' ELSE 'fail' END, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(run_id, doc, rule, diff, diff, env, loc, exp, act, diff, env, page, table, x0, top, x1, bottom, started)
         for rule, doc, loc, exp, act, diff, env, page, table, x0, top, x1, bottom in rows])


def forget_other_checks(con) -> None:
    """Drop the results the ingestion's own rule run (pipelines.checks) stored, so these tests see
    exactly the two runs above (the view on the real rules is tested on the plain sample)."""
    con.execute("DELETE FROM check_result WHERE check_run_id NOT IN ('run-1', 'run-2')")
    con.execute("DELETE FROM check_run WHERE check_run_id NOT IN ('run-1', 'run-2')")
