-- The same figure stated twice in a section (same printed subject, same kind of figure) is stated
-- alike. Sections explaining the tables only (not 绩效 / other).
WITH s AS (
    SELECT n.*, CASE WHEN n.measure IN ('amount', 'final') THEN 'value' ELSE n.measure END AS kind,
           first_value(n.value) OVER w AS first_value, first_value(n.half_ulp) OVER w AS first_ulp,
           first_value(n.page) OVER w AS first_page, row_number() OVER w AS k
    FROM chk_statement n JOIN check_scope sc ON sc.document_id = n.document_id
    WHERE n.is_money AND n.measure IN ('amount', 'final', 'budget') AND n.topic NOT IN ('other')
      AND n.section NOT IN ('other', 'performance')
    WINDOW w AS (PARTITION BY n.document_id, n.section, n.topic, n.subject,
                 CASE WHEN n.measure IN ('amount', 'final') THEN 'value' ELSE n.measure END ORDER BY n.stmt_seq)
)
SELECT document_id,
       'narrative p' || page || ' [' || section || '] ' || subject || ' ' || value_text || ' vs first stated on p'
           || first_page AS location,
       first_value AS expected, value AS actual, 1 AS n_terms, chk_envelope(1, NULL, half_ulp, first_ulp) AS envelope,
       'eq' AS comparison, page, sentence AS detail
FROM s WHERE k > 1
