-- 车辆: the stated number of vehicles held (共有/保有) = the sum of the vehicle kinds listed after it
-- (其中 …用车 N辆).
WITH t AS (
    SELECT s.document_id, s.stmt_seq, s.value, s.page, s.sentence, s.value_text,
           lead(s.stmt_seq) OVER (PARTITION BY s.document_id ORDER BY s.stmt_seq) AS next_total
    FROM chk_statement s JOIN check_scope sc ON sc.document_id = s.document_id
    WHERE s.section = 'assets' AND s.topic = 'vehicles' AND s.measure = 'count'
      AND regexp_matches(s.subject, '共有|保有|实有|现有')  -- the fleet held, not vehicles to be bought
),
k AS (
    SELECT t.document_id, t.stmt_seq, sum(i.value) AS kinds, count(*) AS n
    FROM t JOIN chk_statement i ON i.document_id = t.document_id AND i.stmt_seq > t.stmt_seq
         AND (t.next_total IS NULL OR i.stmt_seq < t.next_total)
         AND i.measure = 'count' AND i.topic = 'other' AND i.subject LIKE '%用车%' AND i.section = 'assets'
    GROUP BY ALL
)
SELECT t.document_id, 'narrative p' || t.page || ' [assets] 车辆 ' || t.value_text || ' = Σ ' || k.n || ' kinds' AS location,
       k.kinds AS expected, t.value AS actual, k.n AS n_terms, 0 AS envelope, 'eq' AS comparison, t.page,
       t.sentence AS detail
FROM t JOIN k USING (document_id, stmt_seq)
