-- Typography: doubled sentence punctuation (。。 / ，， / 。，) in the printed prose (pages outside
-- every table: text read out of table cells glues their punctuation).
WITH p AS (
    SELECT pg.document_id, pg.page, regexp_replace(coalesce(pg.text, ''), '\s', '', 'g') AS t
    FROM document_page pg JOIN check_scope sc ON sc.document_id = pg.document_id
    WHERE NOT EXISTS (SELECT 1 FROM document_table t WHERE t.document_id = pg.document_id
                      AND pg.page BETWEEN t.page_start AND t.page_end)
)
SELECT document_id, 'page ' || page || ' doubled punctuation' AS location, 'holds' AS comparison,
       NOT regexp_matches(t, '[。，；][。，；]') AS holds, page,
       regexp_extract(t, '.{0,16}[。，；][。，；].{0,8}') AS detail
FROM p
