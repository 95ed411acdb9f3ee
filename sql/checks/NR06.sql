-- 占比 recomputed: a stated share = its subject's stated amount / the stated base × 100, to the printed
-- decimals. Envelope: the share's own rounding (twice its half unit) plus what the rounding of the
-- amount and the base can move the quotient.
WITH sh AS (
    SELECT s.*, v.value AS amount, v.half_ulp AS amount_ulp
    FROM chk_statement s
    JOIN check_scope sc ON sc.document_id = s.document_id
    JOIN chk_clause_value v ON v.document_id = s.document_id AND v.stmt_seq = s.stmt_seq
    WHERE s.measure = 'share_pct' AND s.base_value IS NOT NULL AND s.base_value > 0
)
SELECT document_id,
       'narrative p' || page || ' [' || section || '] ' || subject || ' 占 ' || value_text || ' of '
           || coalesce(base_topic, '?') || ' ' || base_value || ' (amount ' || amount || ')' AS location,
       round(amount * 100 / base_value, coalesce(scale, 0)) AS expected, value AS actual, 2 AS n_terms,
       2 * half_ulp + 100 * (amount_ulp * base_value + amount * base_half_ulp) / (base_value * base_value) AS envelope,
       'eq' AS comparison, page, sentence AS detail
FROM sh
