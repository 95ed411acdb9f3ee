-- Parse integrity: every amount printed with decimals on a standard table's pages became a
-- fact of that page. Page text may glue a 行次 number or the next cell to a figure ("119,572.91" is
-- row 1 and 19,572.91), so a printed token counts as read when a fact of the page ends it.
WITH pages AS (
    SELECT DISTINCT t.document_id, p.page
    FROM document_table t JOIN check_scope sc ON sc.document_id = t.document_id
    JOIN dim_table dt ON dt.table_id = t.table_id AND dt.yields_facts  -- not the text 绩效目标表
    CROSS JOIN range(t.page_start, t.page_end + 1) p(page)
    WHERE NOT coalesce(t.is_empty, FALSE)
      -- a table printed again with the same figures is loaded once (pipelines/parse/repeats.py marks it)
      AND NOT contains(CAST(coalesce(t.issues, '[]') AS VARCHAR), 'repeat of table ')
),
-- figures are printed with the page's usual number of decimals (two; 北京 prints six)
scale AS (
    SELECT f.document_id, f.page,
           mode(length(amount_printed) - strpos(amount_printed, '.')) AS dec
    FROM fact_amount f JOIN check_scope sc ON sc.document_id = f.document_id
    WHERE strpos(f.amount_printed, '.') > 0
    GROUP BY ALL
),
printed AS (
    SELECT p.document_id, p.page, replace(u.x, ',', '') AS figure
    FROM pages p JOIN document_page pg ON pg.document_id = p.document_id AND pg.page = p.page
    LEFT JOIN scale s ON s.document_id = p.document_id AND s.page = p.page,
         -- a thousands comma may carry a space in the text layer (20, 153.75)
         unnest(regexp_extract_all(regexp_replace(pg.text, ',\s+([0-9]{3})', ',\1', 'g'),
                                   '-?[0-9][0-9,]*\.[0-9]{' || greatest(coalesce(s.dec, 2), 2) || '}%?')) u(x)
    WHERE NOT ends_with(u.x, '%')  -- a printed rate (增减%) is not an amount
),
-- read into a table fact, or stated in the narrative that begins on a table's last page
read AS (
    SELECT DISTINCT f.document_id, f.page, regexp_replace(f.amount_printed, '[\s,%]', '', 'g') AS figure
    FROM fact_amount f JOIN check_scope sc ON sc.document_id = f.document_id
    UNION
    SELECT DISTINCT n.document_id, n.page, regexp_extract(replace(n.value_text, ',', ''), '-?[0-9.]+') AS figure
    FROM narrative_statement n JOIN check_scope sc ON sc.document_id = n.document_id
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
       string_agg(CASE WHEN NOT is_read THEN figure END, ' ' ORDER BY figure) AS detail
FROM tok
GROUP BY document_id, page
