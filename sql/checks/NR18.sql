-- 增减 recomputed: a stated change 增加/减少 Δ with 增长/下降 p% implies the earlier figure
-- (current − Δ, or current + Δ); p must equal Δ / earlier × 100 to its printed decimals. (A zero
-- earlier figure is NR20's case.)
SELECT document_id,
       'narrative p' || page || ' [' || section || '] ' || subject || ': ' || current || ' with change ' || delta
           || ' -> ' || pct_text || ' of ' || earlier AS location,
       round(delta * 100 / earlier, coalesce(pct_scale, 0)) AS expected, pct AS actual, 2 AS n_terms,
       2 * pct_ulp + 100 * (delta_ulp * earlier + delta * (current_ulp + delta_ulp)) / (earlier * earlier) AS envelope,
       'eq' AS comparison, page, sentence AS detail
FROM chk_change_pair
WHERE earlier > 0 AND direction IS NOT NULL
