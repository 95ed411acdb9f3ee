-- mart_dq_document: rule outcomes per document (latest check run), worst first by the number of
-- failures. Every document is listed: `unchecked` when no rule ran on it, and rejected files with
-- their reason, so a data steward sees what never reached the rules.
CREATE OR REPLACE VIEW mart_dq_document AS
WITH c AS (
    SELECT document_id, max(run_at) AS last_checked, count(*) AS n_results,
           count(*) FILTER (WHERE outcome = 'pass') AS n_pass,
           count(*) FILTER (WHERE outcome = 'rounding') AS n_rounding,
           count(*) FILTER (WHERE outcome = 'fail') AS n_fail,
           count(*) FILTER (WHERE outcome = 'fail' AND severity = 'parse') AS n_fail_parse,
           count(*) FILTER (WHERE outcome = 'error') AS n_error,
           count(*) FILTER (WHERE outcome = 'insufficient_data') AS n_insufficient,
           count(*) FILTER (WHERE outcome = 'not_applicable') AS n_not_applicable,
           count(DISTINCT rule_id) FILTER (WHERE outcome = 'fail') AS n_rules_failed
    FROM mart_dq_result
    GROUP BY document_id
)
SELECT d.document_id, d.file_name, d.source_path, d.department_key, d.department, d.region, d.fiscal_year,
       d.doc_kind, d.status, d.reason, d.is_current, d.n_facts, d.ingested_at,
       CASE WHEN d.status <> 'loaded' THEN d.status WHEN c.document_id IS NULL THEN 'unchecked'
            WHEN c.n_fail + c.n_error > 0 THEN 'failing' ELSE 'ok' END AS dq_status,
       coalesce(c.n_results, 0) AS n_results, coalesce(c.n_pass, 0) AS n_pass,
       coalesce(c.n_rounding, 0) AS n_rounding, coalesce(c.n_fail, 0) AS n_fail,
       coalesce(c.n_fail_parse, 0) AS n_fail_parse, coalesce(c.n_error, 0) AS n_error,
       coalesce(c.n_insufficient, 0) AS n_insufficient, coalesce(c.n_not_applicable, 0) AS n_not_applicable,
       coalesce(c.n_rules_failed, 0) AS n_rules_failed,
       exact_pct(c.n_fail, c.n_pass + c.n_rounding + c.n_fail) AS fail_pct,
       c.last_checked
FROM document d
LEFT JOIN c USING (document_id);
