-- Parse integrity: a table found and not printed empty yields figures (a table read as rows with
-- no amount is a misread layout). Tables the catalogue knows to be text (绩效目标表) are exempt.
SELECT t.document_id, t.table_id || ' (pages ' || t.page_start || '-' || t.page_end || ') has figures' AS location,
       'holds' AS comparison, coalesce(t.n_facts, 0) > 0 OR coalesce(t.is_empty, FALSE) AS holds,
       t.page_start AS page, t.table_id
FROM document_table t JOIN check_scope sc ON sc.document_id = t.document_id
JOIN dim_table dt ON dt.table_id = t.table_id AND dt.yields_facts
-- a table printed again with the same figures is loaded once: its repeat has none (pipelines/parse/repeats.py)
WHERE NOT contains(CAST(coalesce(t.issues, '[]') AS VARCHAR), 'repeat of table ')
