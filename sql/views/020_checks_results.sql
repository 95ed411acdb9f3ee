-- Rule results as readers want them: each document's latest check run, with the rule's catalogue
-- entry (check_result keeps every run for the trend).
CREATE OR REPLACE VIEW v_check_latest AS
WITH runs AS (
    SELECT DISTINCT c.document_id, c.check_run_id, coalesce(r.started_at, c.checked_at) AS run_at
    FROM check_result c LEFT JOIN check_run r USING (check_run_id)
),
latest AS (
    SELECT document_id, check_run_id FROM runs
    QUALIFY row_number() OVER (PARTITION BY document_id ORDER BY run_at DESC, check_run_id DESC) = 1
)
SELECT c.*, r.rule_group, r.severity, r.applies_to, r.description
FROM check_result c
JOIN latest USING (document_id, check_run_id)
LEFT JOIN dim_rule r USING (rule_id);

-- One line per checked document: outcome counts and whether a parse-integrity rule failed
-- (blocking: the extraction itself is wrong somewhere).
CREATE OR REPLACE VIEW v_check_summary AS
SELECT l.document_id, d.file_name, d.department, d.fiscal_year, d.doc_kind, d.is_current, l.check_run_id,
       count(*) FILTER (WHERE l.outcome = 'pass') AS n_pass,
       count(*) FILTER (WHERE l.outcome = 'rounding') AS n_rounding,
       count(*) FILTER (WHERE l.outcome = 'fail') AS n_fail,
       count(*) FILTER (WHERE l.outcome = 'insufficient_data') AS n_insufficient,
       count(*) FILTER (WHERE l.outcome = 'error') AS n_error,
       count(DISTINCT l.rule_id) FILTER (WHERE l.outcome IN ('pass', 'rounding', 'fail')) AS n_rules_judged,
       count(DISTINCT l.rule_id) FILTER (WHERE l.outcome = 'fail') AS n_rules_failing,
       coalesce(bool_or(l.severity = 'parse' AND l.outcome IN ('fail', 'error')), FALSE) AS blocking
FROM v_check_latest l
JOIN document d USING (document_id)
GROUP BY ALL;
