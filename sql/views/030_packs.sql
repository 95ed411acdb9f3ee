-- One row per logical pack: a full pack on its own, or a narrative joined to its tables file.
-- A document that is neither linked nor full is a pack of one part (its partner is not loaded).
CREATE OR REPLACE VIEW v_pack AS
WITH cur AS (
    SELECT * FROM document WHERE status = 'loaded' AND is_current
),
linked AS (
    SELECT l.narrative_document_id AS pack_id, l.narrative_document_id, l.tables_document_id, l.method,
           l.n_matched, l.identity_from
    FROM pack_link l
    JOIN cur n ON n.document_id = l.narrative_document_id
    JOIN cur t ON t.document_id = l.tables_document_id
),
alone AS (
    SELECT d.document_id AS pack_id,
           CASE WHEN coalesce(d.evidence->>'pack_part', 'full') IN ('narrative', 'full') THEN d.document_id END
               AS narrative_document_id,
           CASE WHEN coalesce(d.evidence->>'pack_part', 'full') IN ('tables', 'full') THEN d.document_id END
               AS tables_document_id,
           CASE WHEN coalesce(d.evidence->>'pack_part', 'full') = 'full' THEN 'single_file' ELSE 'unpaired' END
               AS method,
           NULL::INTEGER AS n_matched, NULL AS identity_from
    FROM cur d
    WHERE d.document_id NOT IN (SELECT narrative_document_id FROM linked)
      AND d.document_id NOT IN (SELECT tables_document_id FROM linked)
)
SELECT p.pack_id, p.narrative_document_id, p.tables_document_id, p.method, p.n_matched, p.identity_from,
       d.doc_kind, d.department_key, d.department, d.entity_level, d.region, d.fiscal_year
FROM (SELECT * FROM linked UNION ALL SELECT * FROM alone) p
JOIN document d ON d.document_id = coalesce(p.narrative_document_id, p.tables_document_id);

-- Every budget-year (and final-year) series a department has: one row per department, kind and year.
CREATE OR REPLACE VIEW v_department_year AS
SELECT p.department_key, dd.canonical_name, dd.entity_level, dd.parent_key, p.doc_kind, p.fiscal_year,
       list(DISTINCT p.department ORDER BY p.department) AS printed_names, count(*) AS n_packs,
       min(p.pack_id) AS pack_id
FROM v_pack p
LEFT JOIN dim_department dd ON dd.department_key = p.department_key
WHERE p.department_key IS NOT NULL
GROUP BY ALL;
