-- 机关运行经费 与上年相比 增加/减少 Δ: the current figure minus (plus) Δ is the 机关运行经费 stated in last
-- year's pack.
WITH ch AS (
    SELECT a.*, v.value AS current, v.half_ulp AS current_ulp, pa.partner_id, pa.partner_year,
           CASE WHEN a.direction = 'decrease' THEN v.value + a.value ELSE v.value - a.value END AS earlier
    FROM chk_statement a
    JOIN check_scope sc ON sc.document_id = a.document_id
    JOIN chk_partner pa ON pa.document_id = a.document_id AND pa.relation = 'prior_year'
    JOIN chk_clause_value v ON v.document_id = a.document_id AND v.stmt_seq = a.stmt_seq
    WHERE a.measure = 'change_amount' AND a.base_topic = 'prior_year' AND a.topic = 'opex' AND a.direction IS NOT NULL
),
prior AS (
    SELECT document_id, value, half_ulp, page FROM chk_statement
    WHERE topic = 'opex' AND measure = 'amount' AND is_money
    QUALIFY row_number() OVER (PARTITION BY document_id ORDER BY stmt_seq) = 1
)
SELECT ch.document_id,
       'narrative p' || ch.page || ' 机关运行经费 ' || ch.current || ' ' || ch.direction || ' ' || ch.value_text
           || ' => stated in ' || ch.partner_year || ' pack' AS location,
       p.value AS expected, ch.earlier AS actual, 2 AS n_terms, ch.current_ulp + ch.half_ulp + coalesce(p.half_ulp, 0) AS envelope,
       'eq' AS comparison, ch.page, ch.sentence AS detail
FROM ch JOIN prior p ON p.document_id = ch.partner_id
