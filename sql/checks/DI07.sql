-- Parse integrity: a cell key printed more than once in a table (a 合计 row at the top and the
-- bottom, a continuation page) carries one amount.
SELECT c.document_id, c.table_id || ' ' || c.key || ' [' || c.measure || '] printed ' || c.n_printed || ' times' AS location,
       'holds' AS comparison, c.n_values = 1 AS holds, c.page, c.table_id, c.x0, c.top, c.x1, c.bottom,
       (SELECT string_agg(f.amount_text || ' p' || f.page, ', ' ORDER BY f.page, f.row_index)
        FROM fact_amount f WHERE f.document_id = c.document_id AND f.table_id = c.table_id
          AND coalesce(nullif(f.account_code, ''), f.line_item) = c.key AND f.measure = c.measure) AS detail
FROM chk_cell c JOIN check_scope sc ON sc.document_id = c.document_id
WHERE c.n_printed > 1
