-- Per code-keyed table of a document (a table printing 功能/经济 codes): do all its hierarchy and
-- row identities (the table_internal rules, sql/checks/TI*.sql) hold within the rounding envelope?
-- status: holds (judged, no failure), fails, not_judged (no identity applies, e.g. one row).
-- parse_suspect: a parse-integrity rule also fails on the same table or on the whole document,
-- so a failure may come from the extraction rather than from the printed page.
CREATE OR REPLACE VIEW v_table_identity AS
WITH tabs AS (
    SELECT f.document_id, f.table_id, min(f.page) AS page, count(*) AS n_facts
    FROM fact_amount f
    WHERE f.account_scheme IN ('function', 'economic') AND coalesce(f.entity, '') = '' AND f.table_id IS NOT NULL
    GROUP BY ALL
),
res AS (
    SELECT * FROM v_check_latest WHERE rule_group = 'table_internal'
),
parse_fail AS (
    SELECT document_id, table_id FROM v_check_latest WHERE severity = 'parse' AND outcome IN ('fail', 'error')
)
SELECT t.document_id, d.file_name, d.doc_kind, d.region, d.department, d.fiscal_year, t.table_id, t.page, t.n_facts,
       count(r.rule_id) FILTER (WHERE r.outcome IN ('pass', 'rounding', 'fail')) AS n_judged,
       count(r.rule_id) FILTER (WHERE r.outcome = 'fail') AS n_fail,
       CASE WHEN count(r.rule_id) FILTER (WHERE r.outcome = 'fail') > 0 THEN 'fails'
            WHEN count(r.rule_id) FILTER (WHERE r.outcome IN ('pass', 'rounding')) > 0 THEN 'holds'
            ELSE 'not_judged' END AS status,
       EXISTS (SELECT 1 FROM parse_fail p WHERE p.document_id = t.document_id
               AND (p.table_id = t.table_id OR p.table_id IS NULL)) AS parse_suspect,
       string_agg(r.rule_id || ' p' || coalesce(CAST(r.page AS VARCHAR), '?') || ' ' || r.location || ': printed '
                  || coalesce(CAST(r.actual AS VARCHAR), '∅') || ', sum ' || coalesce(CAST(r.expected AS VARCHAR), '∅'),
                  '; ' ORDER BY r.page, r.rule_id) FILTER (WHERE r.outcome = 'fail') AS failures
FROM tabs t
JOIN document d ON d.document_id = t.document_id AND d.status = 'loaded'
LEFT JOIN res r ON r.document_id = t.document_id AND r.table_id = t.table_id
GROUP BY ALL;
