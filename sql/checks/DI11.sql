-- Template residue in the narrative: both directions left in (增加（减少）, 下降（增长）), a bare
-- 增加/减少 with XX, or 主要原因是 followed by nothing (pages outside every table).
WITH p AS (
    SELECT pg.document_id, pg.page, regexp_replace(coalesce(pg.text, ''), '\s', '', 'g') AS t
    FROM document_page pg JOIN check_scope sc ON sc.document_id = pg.document_id
    WHERE NOT EXISTS (SELECT 1 FROM document_table t WHERE t.document_id = pg.document_id
                      AND pg.page BETWEEN t.page_start AND t.page_end)
),
rx AS (SELECT '(增加|减少|增长|下降|上升|降低)[（(](增加|减少|增长|下降|上升|降低)[)）]|主要原因(是|为)?[:：]?[。；;]|原因[:：][。；;]' AS r)
SELECT document_id, 'page ' || page || ' template residue' AS location, 'holds' AS comparison,
       NOT regexp_matches(t, rx.r) AS holds, page, regexp_extract(t, '.{0,24}(' || rx.r || ').{0,12}') AS detail
FROM p, rx
