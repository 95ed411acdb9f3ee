-- Template placeholders left in the printed text: XX / ×× / ＸＸ / 某某 / {单位名称} / 【部门】 (a name,
-- figure or date not filled in; 【2025】143号 document numbers are not placeholders). One instance per
-- page; a page without any holds.
WITH p AS (
    SELECT pg.document_id, pg.page, regexp_replace(coalesce(pg.text, ''), '\s', '', 'g') AS t
    FROM document_page pg JOIN check_scope sc ON sc.document_id = pg.document_id
)
SELECT document_id, 'page ' || page || ' template placeholder' AS location, 'holds' AS comparison,
       NOT regexp_matches(t, '(^|[^A-Za-z])[XxＸｘ]{2,}([^A-Za-z]|$)|××|某某|[{【][^}】]{0,12}(单位|部门|名称|填写|年度)[^}】]{0,12}[}】]') AS holds,
       page, regexp_extract(t, '.{0,20}((^|[^A-Za-z])[XxＸｘ]{2,}([^A-Za-z]|$)|××|某某|[{【][^}】]{0,12}(单位|部门|名称|填写|年度)[^}】]{0,12}[}】]).{0,20}') AS detail
FROM p
