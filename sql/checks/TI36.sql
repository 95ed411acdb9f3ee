-- A 部门 pack that prints its tables per 单位 (深圳 预算单位 blocks, 苏州 / 无锡 部门代码 rows): each
-- figure of the department's own rows = Σ the same figure of its units. A unit row whose code heads
-- other units' codes (无锡 113 above 113001, 113002) is a subtotal and is not added again.
WITH unit AS (
    SELECT f.document_id, f.table_id, f.entity, coalesce(nullif(f.account_code, ''), f.line_item) AS key,
           chk_measure(f.table_id, f.measure, f.header) AS measure, f.amount_wan,
           regexp_extract(f.entity, '^[0-9]+') AS ecode, printed_half_ulp(f.amount_text) AS half_ulp
    FROM fact_amount f JOIN check_scope sc ON sc.document_id = f.document_id
    WHERE coalesce(f.entity, '') <> ''
),
leaf AS (
    SELECT u.* FROM unit u
    WHERE NOT EXISTS (SELECT 1 FROM unit o WHERE o.document_id = u.document_id AND o.table_id = u.table_id
                      AND u.ecode <> '' AND o.ecode <> u.ecode AND starts_with(o.ecode, u.ecode))
),
units AS (
    SELECT document_id, table_id, key, measure, sum(amount_wan) AS amount, count(*) AS n, sum(half_ulp) AS ulp,
           count(DISTINCT entity) AS n_units
    FROM leaf WHERE key <> ''
    GROUP BY ALL
)
SELECT c.document_id,
       c.table_id || ' ' || c.key || ' [' || c.measure || '] = Σ ' || u.n_units || ' units' AS location,
       u.amount AS expected, c.amount AS actual, u.n AS n_terms,
       chk_envelope(u.n, u.ulp + c.half_ulp, c.half_ulp, u.ulp) AS envelope, 'eq' AS comparison,
       c.page, c.table_id, c.x0, c.top, c.x1, c.bottom
FROM chk_cell c
JOIN units u ON u.document_id = c.document_id AND u.table_id = c.table_id AND u.key = c.key AND u.measure = c.measure
