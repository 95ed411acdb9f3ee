-- Parse integrity: a standard table found and not printed empty yields figures (a table read as
-- rows with no amount is a misread layout).
SELECT t.document_id, t.table_id || ' (pages ' || t.page_start || '-' || t.page_end || ') has figures' AS location,
       'holds' AS comparison, coalesce(t.n_facts, 0) > 0 OR coalesce(t.is_empty, FALSE) AS holds,
       t.page_start AS page, t.table_id
FROM document_table t JOIN check_scope sc ON sc.document_id = t.document_id
WHERE t.table_id IS NOT NULL
