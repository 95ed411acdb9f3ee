-- mart_dq_result: every rule outcome of each document's latest check run, with its lineage (file,
-- source path, page, cell box to outline) and the rule's catalogue entry. Older runs stay in
-- check_result for the trend (mart_dq_trend). outcome_rank orders findings worst first.
CREATE OR REPLACE VIEW mart_dq_result AS
WITH runs AS (
    SELECT r.document_id, r.check_run_id, coalesce(max(cr.started_at), max(r.checked_at)) AS run_at
    FROM check_result r
    LEFT JOIN check_run cr USING (check_run_id)
    GROUP BY ALL
),
latest AS (
    SELECT document_id, check_run_id, run_at FROM runs
    QUALIFY row_number() OVER (PARTITION BY document_id ORDER BY run_at DESC, check_run_id DESC) = 1
)
SELECT r.check_run_id, l.run_at, r.document_id, d.file_name, d.source_path, d.department_key, d.department,
       d.region, d.fiscal_year, d.doc_kind, d.is_current, r.rule_id, ru.rule_group, ru.severity, ru.description,
       ru.basis, r.outcome,
       CASE r.outcome WHEN 'fail' THEN 1 WHEN 'error' THEN 2 WHEN 'insufficient_data' THEN 3 WHEN 'rounding' THEN 4
                      WHEN 'pass' THEN 5 ELSE 6 END AS outcome_rank,
       r.location, r.table_id, r.expected, r.actual, r.diff, r.envelope, r.page, r.x0, r."top", r.x1, r.bottom,
       r.detail, r.checked_at
FROM check_result r
JOIN latest l USING (document_id, check_run_id)
JOIN document d USING (document_id)
LEFT JOIN dim_rule ru USING (rule_id);
