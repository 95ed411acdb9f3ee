-- 年初结转和结余 (year N) = 年末结转和结余 of the same department's year N−1 pack (FIN_01; BUD_01 上年结转
-- vs last year's budget is not comparable and is left out).
SELECT d.document_id, 'FIN_01 年初结转和结余 = FIN_01 年末结转和结余 of ' || pa.partner_year AS location,
       CASE WHEN tb.table_id IS NOT NULL THEN coalesce(o.amount, 0) END AS expected,
       coalesce(i.amount, 0) AS actual, 1 AS n_terms, chk_envelope(1, NULL, i.half_ulp, o.half_ulp) AS envelope,
       'eq' AS comparison, i.page, 'FIN_01' AS table_id, i.x0, i.top, i.x1, i.bottom
FROM chk_document d
JOIN chk_partner pa ON pa.document_id = d.document_id AND pa.relation = 'prior_year'
LEFT JOIN chk_table tb ON tb.document_id = pa.partner_id AND tb.table_id = 'FIN_01'
LEFT JOIN chk_cell i ON i.document_id = d.document_id AND i.table_id = 'FIN_01' AND i.key = 'carry_in' AND i.is_overall
LEFT JOIN chk_cell o ON o.document_id = pa.partner_id AND o.table_id = 'FIN_01' AND o.key = 'carry_out' AND o.is_overall
WHERE d.doc_kind = 'final' AND (i.amount IS NOT NULL OR o.amount IS NOT NULL)
