-- Documents needing attention, with the reasons in words (fiscal status, the dashboard, documents.csv):
--   * a budget/final whose tables cover less than 95 % of the figures they print (parse/coverage.py);
--   * a budget/final that prints standard tables but lacks one of the catalogue's core tables
--     (tables.yaml `core`; FIN_07 / FIN_08 only where the pack names them, `named_by`);
--   * a budget/final with no standard table, joined to no tables file;
--   * figures the text layer garbled (counted, never guessed).
-- A document that is fine has no row. Rejected documents are listed by status, not here.
CREATE OR REPLACE VIEW v_document_attention AS
WITH docs AS (
    SELECT d.document_id, d.doc_kind, d.coverage, d.n_figures
    FROM document d
    WHERE d.status = 'loaded' AND d.doc_kind IN ('budget', 'final')
),
found AS (  -- catalogue tables of the document, or of its pack's tables file
    SELECT t.document_id, t.table_id FROM document_table t JOIN dim_table dt USING (table_id)
    UNION
    SELECT l.narrative_document_id, t.table_id
    FROM pack_link l JOIN document_table t ON t.document_id = l.tables_document_id JOIN dim_table dt USING (table_id)
),
standard AS (
    SELECT DISTINCT f.document_id FROM found f JOIN dim_table dt USING (table_id) WHERE NOT dt.is_extra
),
missing AS (
    SELECT d.document_id, string_agg(dt.table_id, ', ' ORDER BY dt.table_id) AS tables
    FROM docs d
    JOIN standard s USING (document_id)
    JOIN dim_table dt ON dt.doc_kind = d.doc_kind AND dt.is_core
    WHERE NOT EXISTS (SELECT 1 FROM found f WHERE f.document_id = d.document_id AND f.table_id = dt.table_id)
      AND (dt.named_by IS NULL OR EXISTS (
            SELECT 1 FROM document_page p WHERE p.document_id = d.document_id
            AND regexp_matches(regexp_replace(coalesce(p.text, ''), '\s', '', 'g'), dt.named_by)))
    GROUP BY d.document_id
),
garbled AS (
    SELECT document_id, sum(n_garbled) AS n FROM document_table GROUP BY document_id HAVING sum(n_garbled) > 0
),
reasons AS (
    SELECT document_id, 'coverage ' || CAST(round(100 * coverage, 1) AS VARCHAR) || ' % of ' || n_figures
           || ' printed figures (< 95 %)' AS reason, 1 AS o
    FROM docs WHERE coverage < 0.95
    UNION ALL
    SELECT document_id, 'core tables missing: ' || tables, 2 FROM missing
    UNION ALL
    SELECT d.document_id, 'no standard table and no tables file joined', 3
    FROM docs d
    WHERE d.document_id NOT IN (SELECT document_id FROM standard)
      AND coalesce((SELECT evidence->>'pack_part' FROM document x WHERE x.document_id = d.document_id), '') <> 'attachment'
    UNION ALL
    SELECT g.document_id, g.n || ' printed figures unreadable (garbled text layer)', 4
    FROM garbled g JOIN docs USING (document_id)
)
SELECT document_id, string_agg(reason, '; ' ORDER BY o) AS attention
FROM reasons GROUP BY document_id;
