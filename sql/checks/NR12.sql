-- 完成(年初)预算的 X%: recomputed as 决算 / 预算 × 100 from the figures stated for the same subject; a
-- completion rate stated against a zero budget is meaningless and fails.
SELECT s.document_id,
       'narrative p' || s.page || ' [' || s.section || '] ' || s.subject || ' 完成 ' || s.value_text || ' (预算 '
           || c.budget || ', 决算 ' || c.final || ')' AS location,
       CASE WHEN c.budget > 0 THEN round(c.final * 100 / c.budget, coalesce(s.scale, 0)) END AS expected,
       s.value AS actual, 2 AS n_terms,
       CASE WHEN c.budget > 0
            THEN 2 * s.half_ulp + 100 * (c.final_ulp * c.budget + c.final * c.budget_ulp) / (c.budget * c.budget) END AS envelope,
       CASE WHEN c.budget > 0 THEN 'eq' ELSE 'holds' END AS comparison,
       CASE WHEN c.budget > 0 THEN NULL ELSE FALSE END AS holds,
       s.page, s.sentence AS detail
FROM chk_statement s
JOIN chk_clause_budget_final c ON c.document_id = s.document_id AND c.stmt_seq = s.stmt_seq
WHERE s.measure = 'completion_pct' AND c.budget IS NOT NULL AND c.final IS NOT NULL
