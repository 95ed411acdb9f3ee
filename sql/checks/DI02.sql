-- Headings name the pack's year: a 第X部分 / 情况说明 / 决算表 / 预算表 heading printing another year
-- (e.g. 2023年度部门决算情况说明 in a 2024 pack) is template residue.
WITH lines AS (
    SELECT pg.document_id, pg.page, d.fiscal_year,
           regexp_replace(unnest(string_split(coalesce(pg.text, ''), chr(10))), '\s', '', 'g') AS line
    FROM document_page pg
    JOIN check_scope sc ON sc.document_id = pg.document_id
    JOIN document d ON d.document_id = pg.document_id
    WHERE d.fiscal_year IS NOT NULL
),
heads AS (
    SELECT *, TRY_CAST(nullif(regexp_extract(line, '((?:19|20)[0-9]{2})年度?(?:部门|单位)?(?:决算|预算)', 1), '') AS INTEGER) AS year
    FROM lines
    WHERE length(line) <= 45 AND NOT regexp_matches(line, '[，,。；;：:]')
      AND regexp_matches(line, '^(第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、)?.{0,30}(?:19|20)[0-9]{2}年度?(部门|单位)(决算|预算)(情况说明|公开|表|说明)?$')
)
SELECT document_id, 'page ' || page || ' heading year ' || year || ' (pack year ' || fiscal_year || ')' AS location,
       'holds' AS comparison, year = fiscal_year AS holds, page, line AS detail
FROM heads WHERE year IS NOT NULL
