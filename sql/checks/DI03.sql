-- A 决算 pack reports assets 截至 the 31 December of its own year: 截至N年12月31日 with another N is wrong.
WITH hits AS (
    SELECT pg.document_id, pg.page, d.fiscal_year,
           unnest(regexp_extract_all(regexp_replace(coalesce(pg.text, ''), '\s', '', 'g'), '截[至止]((?:19|20)[0-9]{2})年12月31日', 1)) AS y
    FROM document_page pg
    JOIN check_scope sc ON sc.document_id = pg.document_id
    JOIN document d ON d.document_id = pg.document_id
    WHERE d.fiscal_year IS NOT NULL AND d.doc_kind = 'final'
)
SELECT document_id, 'page ' || page || ' 截至' || y || '年12月31日 (pack year ' || fiscal_year || ')' AS location,
       'holds' AS comparison, CAST(y AS INTEGER) = fiscal_year AS holds, page
FROM hits
