-- FIN_04 年初财政拨款结转和结余 (year N), in total and per fund = FIN_04 年末 of year N−1, same department.
WITH pairs AS (
    SELECT * FROM (VALUES ('carry_in', 'total'), ('carry_in_gpb', 'gpb'), ('carry_in_gov_fund', 'gov_fund'),
                          ('carry_in_soe', 'soe')) t(in_key, out_measure)
)
SELECT d.document_id, 'FIN_04 ' || p.in_key || ' = FIN_04 carry_out [' || p.out_measure || '] of ' || pa.partner_year AS location,
       CASE WHEN tb.table_id IS NOT NULL THEN coalesce(o.amount, 0) END AS expected,
       coalesce(i.amount, 0) AS actual, 1 AS n_terms, chk_envelope(1, NULL, i.half_ulp, o.half_ulp) AS envelope,
       'eq' AS comparison, i.page, 'FIN_04' AS table_id, i.x0, i.top, i.x1, i.bottom
FROM chk_document d
JOIN chk_partner pa ON pa.document_id = d.document_id AND pa.relation = 'prior_year'
CROSS JOIN pairs p
LEFT JOIN chk_table tb ON tb.document_id = pa.partner_id AND tb.table_id = 'FIN_04'
LEFT JOIN chk_cell i ON i.document_id = d.document_id AND i.table_id = 'FIN_04' AND i.key = p.in_key AND i.is_overall
LEFT JOIN chk_cell o ON o.document_id = pa.partner_id AND o.table_id = 'FIN_04' AND o.key = 'carry_out'
     AND (o.measure = p.out_measure OR (p.out_measure = 'total' AND o.is_overall))
WHERE d.doc_kind = 'final' AND (i.amount IS NOT NULL OR o.amount IS NOT NULL)
