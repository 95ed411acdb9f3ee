-- 车辆: the stated number of vehicles held (共有/保有) = the sum of the vehicle kinds listed right after
-- it (其中 …用车 N辆, up to the first statement that is not a vehicle kind).
WITH a AS (
    SELECT s.*, s.measure = 'count' AND s.topic = 'other' AND s.subject LIKE '%用车%' AS is_kind
    FROM chk_statement s WHERE s.section = 'assets'
),
t AS (
    SELECT a.document_id, a.stmt_seq, a.value, a.page, a.sentence, a.value_text,
           coalesce((SELECT min(b.stmt_seq) FROM a b WHERE b.document_id = a.document_id AND b.stmt_seq > a.stmt_seq
                     AND NOT b.is_kind), 1000000) AS run_end
    FROM a
    WHERE a.topic = 'vehicles' AND a.measure = 'count' AND regexp_matches(a.subject, '共有|保有|实有|现有')
),
k AS (
    SELECT t.document_id, t.stmt_seq, sum(i.value) AS kinds, count(*) AS n
    FROM t JOIN a i ON i.document_id = t.document_id AND i.stmt_seq > t.stmt_seq AND i.stmt_seq < t.run_end AND i.is_kind
    GROUP BY ALL
)
SELECT t.document_id, 'narrative p' || t.page || ' [assets] 车辆 ' || t.value_text || ' = Σ ' || k.n || ' kinds' AS location,
       k.kinds AS expected, t.value AS actual, k.n AS n_terms, 0 AS envelope, 'eq' AS comparison, t.page,
       t.sentence AS detail
FROM t JOIN k USING (document_id, stmt_seq)
