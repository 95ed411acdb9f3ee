-- The shares of one complete breakdown (its stated amounts add up to the stated base) add up to 100%,
-- within the rounding of the shares and what the rounding of the amounts moves their sum.
WITH sh AS (
    SELECT s.document_id, s.section, s.base_topic, s.base_value, s.base_half_ulp,
           CASE WHEN s.topic = 'function' THEN 'function' ELSE 'line' END AS family,
           s.stmt_seq, s.value AS pct, s.half_ulp AS pct_ulp, v.value AS amount, v.half_ulp AS amount_ulp, s.page
    FROM chk_statement s
    JOIN check_scope sc ON sc.document_id = s.document_id
    JOIN chk_clause_value v ON v.document_id = s.document_id AND v.stmt_seq = s.stmt_seq
    WHERE s.measure = 'share_pct' AND s.base_value > 0
),
g AS (
    SELECT document_id, section, base_topic, base_value, family, count(*) AS n, sum(pct) AS pct_sum,
           sum(pct_ulp) AS pct_ulp, sum(amount) AS amount_sum, sum(amount_ulp) + max(base_half_ulp) AS amount_env,
           min(page) AS page, string_agg(CAST(pct AS VARCHAR), ' + ' ORDER BY stmt_seq) AS detail
    FROM sh GROUP BY ALL
)
SELECT document_id,
       'narrative p' || page || ' [' || section || '] ' || n || ' shares of ' || coalesce(base_topic, '?') || ' '
           || base_value || ' sum to 100%' AS location,
       CAST(100 AS DECIMAL(28, 6)) AS expected, pct_sum AS actual, n AS n_terms,
       pct_ulp + 100 * amount_env / base_value AS envelope,
       'eq' AS comparison, page, detail
FROM g
WHERE n >= 2 AND abs(amount_sum - base_value) <= amount_env
