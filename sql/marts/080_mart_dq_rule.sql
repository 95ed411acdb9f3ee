-- mart_dq_rule: per rule, its verdicts over the documents' latest check runs: documents evaluated,
-- documents failing, failing instances, rounding notes, the largest absolute difference. Rules of
-- the catalogue that produced no result are listed with zeros; results of a rule missing from the
-- catalogue are listed too.
CREATE OR REPLACE VIEW mart_dq_rule AS
WITH c AS (
    SELECT rule_id, count(DISTINCT document_id) AS n_documents,
           count(DISTINCT document_id) FILTER (WHERE outcome = 'fail') AS n_documents_failing,
           count(*) FILTER (WHERE outcome = 'fail') AS n_fail,
           count(*) FILTER (WHERE outcome = 'rounding') AS n_rounding,
           count(*) FILTER (WHERE outcome = 'pass') AS n_pass,
           count(*) FILTER (WHERE outcome = 'error') AS n_error,
           count(*) FILTER (WHERE outcome = 'insufficient_data') AS n_insufficient,
           count(*) FILTER (WHERE outcome = 'not_applicable') AS n_not_applicable,
           max(abs(diff)) FILTER (WHERE outcome = 'fail') AS max_abs_diff
    FROM mart_dq_result
    GROUP BY rule_id
)
SELECT coalesce(r.rule_id, c.rule_id) AS rule_id, r.rule_group, r.severity, r.applies_to, r.description, r.basis,
       coalesce(c.n_documents, 0) AS n_documents, coalesce(c.n_documents_failing, 0) AS n_documents_failing,
       coalesce(c.n_fail, 0) AS n_fail, coalesce(c.n_rounding, 0) AS n_rounding, coalesce(c.n_pass, 0) AS n_pass,
       coalesce(c.n_error, 0) AS n_error, coalesce(c.n_insufficient, 0) AS n_insufficient,
       coalesce(c.n_not_applicable, 0) AS n_not_applicable, c.max_abs_diff
FROM dim_rule r
FULL JOIN c ON c.rule_id = r.rule_id;
