-- The standard tables are all there (identified by title and headers; printed empty counts):
-- 决算 FIN_01–FIN_06 and FIN_09 always, FIN_07 / FIN_08 when the pack names them anywhere (older
-- templates have no 国有资本经营 table); 预算 BUD_01–BUD_07. A split pack's narrative file counts the
-- tables of the tables file it is linked to.
WITH need AS (
    SELECT n.doc_kind, n.table_id, dt.name, dt.named_by
    FROM (VALUES ('final', 'FIN_01'), ('final', 'FIN_02'), ('final', 'FIN_03'), ('final', 'FIN_04'),
                 ('final', 'FIN_05'), ('final', 'FIN_06'), ('final', 'FIN_07'), ('final', 'FIN_08'),
                 ('final', 'FIN_09'), ('budget', 'BUD_01'), ('budget', 'BUD_02'), ('budget', 'BUD_03'),
                 ('budget', 'BUD_04'), ('budget', 'BUD_05'), ('budget', 'BUD_06'), ('budget', 'BUD_07'))
         n(doc_kind, table_id)
    LEFT JOIN dim_table dt ON dt.table_id = n.table_id  -- name, named_by: the catalogue's tables.yaml
)
SELECT d.document_id,
       n.table_id || ' ' || coalesce(n.name, '') || ' present'
           || CASE WHEN t.table_id IS NULL AND pt.table_id IS NOT NULL THEN ' (in the pack''s tables file)' ELSE '' END
           AS location, 'holds' AS comparison,
       t.table_id IS NOT NULL OR pt.table_id IS NOT NULL AS holds, t.page, n.table_id
FROM chk_document d
JOIN need n ON n.doc_kind = d.doc_kind
LEFT JOIN chk_table t ON t.document_id = d.document_id AND t.table_id = n.table_id
-- the narrative half of a split pack (北京 附件1, 江苏 情况说明): its tables are in the linked tables file
LEFT JOIN (SELECT DISTINCT l.narrative_document_id, dtb.table_id
           FROM pack_link l JOIN document_table dtb ON dtb.document_id = l.tables_document_id) pt
       ON pt.narrative_document_id = d.document_id AND pt.table_id = n.table_id
WHERE n.named_by IS NULL OR t.table_id IS NOT NULL
   OR EXISTS (SELECT 1 FROM document_page p WHERE p.document_id = d.document_id
              AND regexp_matches(regexp_replace(p.text, '\s', '', 'g'), n.named_by))
