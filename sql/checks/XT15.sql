-- The same function code carries the same name in every table of a document (names compared
-- without ordinals, spaces, brackets and a trailing 支出).
WITH names AS (
    SELECT c.document_id, c.account_code, c.table_id, c.account_name, c.page, c.x0, c.top, c.x1, c.bottom,
           regexp_replace(regexp_replace(regexp_replace(c.account_name,
               '^[一二三四五六七八九十百]+[、.．]|^[（(][一二三四五六七八九十0-9]+[)）]', ''),
               '[\s　（）()“”"]', '', 'g'), '支出$', '') AS name_key
    FROM chk_cell c JOIN check_scope s ON s.document_id = c.document_id
    WHERE c.account_scheme = 'function' AND c.account_code <> '' AND coalesce(c.account_name, '') <> ''
    QUALIFY row_number() OVER (PARTITION BY c.document_id, c.account_code, c.table_id ORDER BY c.page, c.top, c.x0) = 1
)
SELECT document_id, 'function code ' || account_code || ' named alike in every table' AS location,
       NULL::DECIMAL(28, 6) AS expected, NULL::DECIMAL(28, 6) AS actual, count(*) AS n_terms,
       NULL::DECIMAL(28, 8) AS envelope, 'holds' AS comparison,
       count(DISTINCT name_key) = 1 AS holds,
       first(page ORDER BY table_id) AS page, first(table_id ORDER BY table_id) AS table_id,
       first(x0 ORDER BY table_id) AS x0, first(top ORDER BY table_id) AS top,
       first(x1 ORDER BY table_id) AS x1, first(bottom ORDER BY table_id) AS bottom,
       string_agg(table_id || ':' || account_name, '; ' ORDER BY table_id) AS detail
FROM names
GROUP BY document_id, account_code
HAVING count(*) > 1
