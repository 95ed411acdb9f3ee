-- A 决算 pack explains its figures: its 情况说明 states figures (none found means the narrative is
-- missing, published separately, or unreadable).
SELECT d.document_id, '情况说明 states figures' AS location, 'holds' AS comparison,
       EXISTS (SELECT 1 FROM narrative_statement n WHERE n.document_id = d.document_id
               AND n.section NOT IN ('other', 'performance') AND n.unit IN ('万元', '亿元', '元')) AS holds
FROM chk_document d WHERE d.doc_kind = 'final'
