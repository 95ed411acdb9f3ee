-- Parse integrity: every standard table's unit (万元 / 元 / 亿元) is printed on the table or in the
-- document; an assumed unit may scale every figure wrongly.
SELECT t.document_id, t.table_id || ' unit ' || coalesce(t.unit_printed, '?') || ' (' || coalesce(t.unit_source, '?') || ')' AS location,
       'holds' AS comparison, coalesce(t.unit_source, '') IN ('printed', 'document') AS holds,
       t.page_start AS page, t.table_id
FROM document_table t JOIN check_scope sc ON sc.document_id = t.document_id
JOIN dim_table dt ON dt.table_id = t.table_id
WHERE NOT coalesce(t.is_empty, FALSE)
