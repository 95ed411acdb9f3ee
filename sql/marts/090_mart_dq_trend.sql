-- mart_dq_trend: rule outcomes per check run over time (every run, not only the latest per
-- document), with the ingestion run that preceded it: is quality improving across ingestions?
CREATE OR REPLACE VIEW mart_dq_trend AS
WITH r AS (
    SELECT r.check_run_id, coalesce(min(cr.started_at), min(r.checked_at)) AS run_at,
           count(DISTINCT r.document_id) AS n_documents, count(*) AS n_results,
           count(*) FILTER (WHERE r.outcome = 'pass') AS n_pass,
           count(*) FILTER (WHERE r.outcome = 'rounding') AS n_rounding,
           count(*) FILTER (WHERE r.outcome = 'fail') AS n_fail,
           count(*) FILTER (WHERE r.outcome = 'error') AS n_error,
           count(*) FILTER (WHERE r.outcome = 'insufficient_data') AS n_insufficient,
           count(*) FILTER (WHERE r.outcome = 'not_applicable') AS n_not_applicable,
           count(DISTINCT r.document_id) FILTER (WHERE r.outcome = 'fail') AS n_documents_failing,
           max(cr.ruleset) AS ruleset
    FROM check_result r
    LEFT JOIN check_run cr USING (check_run_id)
    GROUP BY r.check_run_id
)
SELECT r.*, i.run_id AS ingest_run_id, i.started_at AS ingest_started_at, i.n_loaded AS ingest_n_loaded,
       i.n_rejected AS ingest_n_rejected
FROM r
ASOF LEFT JOIN ingest_run i ON r.run_at >= i.started_at;
