-- The standard tables are all there (identified by title and headers; printed empty counts): the
-- catalogue's `required` tables -- 决算 FIN_01–FIN_06 and FIN_09 always, FIN_07 / FIN_08 when the pack
-- names them anywhere (older templates have no 国有资本经营 table); 预算 BUD_01–BUD_07. A split pack's narrative file counts the
-- tables of the tables file it is linked to.
WITH need AS (  -- the catalogue's required tables (tables.yaml `required`, `named_by`)
    SELECT doc_kind, table_id, name, named_by FROM dim_table WHERE is_required
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
