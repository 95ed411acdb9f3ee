-- Parse integrity: every amount printed with two decimals on a standard table's pages became a
-- fact of that page. Page text may glue a 行次 number or the next cell to a figure ("119,572.91" is
-- row 1 and 19,572.91), so a printed token counts as read when a fact of the page ends it.
WITH pages AS (
    SELECT DISTINCT t.document_id, p.page
    FROM document_table t JOIN check_scope sc ON sc.document_id = t.document_id
    CROSS JOIN range(t.page_start, t.page_end + 1) p(page)
    WHERE t.table_id IS NOT NULL AND NOT coalesce(t.is_empty, FALSE)
),
printed AS (
    SELECT p.document_id, p.page, replace(u.x, ',', '') AS figure
    FROM pages p JOIN document_page pg ON pg.document_id = p.document_id AND pg.page = p.page,
         unnest(regexp_extract_all(pg.text, '-?[0-9][0-9,]*\.[0-9]{2}')) u(x)
),
read AS (
    SELECT DISTINCT f.document_id, f.page, replace(regexp_replace(f.amount_printed, '\s', '', 'g'), ',', '') AS figure
    FROM fact_amount f JOIN check_scope sc ON sc.document_id = f.document_id
),
tok AS (
    SELECT pr.document_id, pr.page, pr.figure,
           EXISTS (SELECT 1 FROM read r WHERE r.document_id = pr.document_id AND r.page = pr.page
                   AND ends_with(pr.figure, r.figure) AND length(r.figure) >= 4) AS is_read
    FROM printed pr
)
SELECT document_id, 'page ' || page || ' figures printed vs read' AS location,
       CAST(count(*) AS DECIMAL(28, 6)) AS expected, CAST(count(*) FILTER (WHERE is_read) AS DECIMAL(28, 6)) AS actual,
       'ge' AS comparison, 0 AS envelope, page,
       string_agg(CASE WHEN NOT is_read THEN figure END, ' ') AS detail
FROM tok
GROUP BY document_id, page
