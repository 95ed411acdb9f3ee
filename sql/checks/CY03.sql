-- 与上年相比 增加/减少 Δ: the current figure minus (plus) Δ is last year's figure in last year's pack,
-- for the pack totals (FIN_01 总计 / BUD_01 总计), 一般公共预算财政拨款支出 (FIN_05 合计) and 三公 决算 (FIN_09).
WITH ch AS (
    SELECT a.*, v.value AS current, v.half_ulp AS current_ulp, pa.partner_id, pa.partner_year, doc.doc_kind,
           CASE WHEN a.direction = 'decrease' THEN v.value + a.value ELSE v.value - a.value END AS earlier
    FROM chk_statement a
    JOIN check_scope sc ON sc.document_id = a.document_id
    JOIN document doc ON doc.document_id = a.document_id
    JOIN chk_partner pa ON pa.document_id = a.document_id AND pa.relation = 'prior_year'
    JOIN chk_clause_value v ON v.document_id = a.document_id AND v.stmt_seq = a.stmt_seq
    WHERE a.measure = 'change_amount' AND a.base_topic = 'prior_year' AND a.direction IS NOT NULL
),
target AS (
    SELECT ch.*,
           CASE WHEN topic = 'grand_total' AND section = 'overview' THEN CASE doc_kind WHEN 'final' THEN 'FIN_01' ELSE 'BUD_01' END
                WHEN topic IN ('gpb_expense', 'fiscal_expense') AND section = 'gpb' THEN CASE doc_kind WHEN 'final' THEN 'FIN_05' ELSE 'BUD_05' END
                WHEN topic = 'sangong_total' AND section = 'sangong' THEN CASE doc_kind WHEN 'final' THEN 'FIN_09' ELSE 'BUD_07' END
           END AS tid,
           CASE WHEN topic = 'grand_total' THEN 'income_grand_total' WHEN topic = 'sangong_total' THEN 'sangong_total'
                ELSE 'total' END AS tkey,
           CASE WHEN topic = 'sangong_total' THEN CASE doc_kind WHEN 'final' THEN 'final' ELSE 'budget' END
                ELSE '*' END AS tmeasure
    FROM ch
)
SELECT t.document_id,
       'narrative p' || t.page || ' [' || t.section || '] ' || t.subject || ' ' || t.current || ' '
           || t.direction || ' ' || t.value_text || ' => ' || t.partner_year || ' ' || t.tid || ' ' || t.tkey AS location,
       CASE WHEN tb.table_id IS NOT NULL THEN coalesce(c.amount, 0) END AS expected, t.earlier AS actual, 2 AS n_terms,
       t.current_ulp + t.half_ulp + coalesce(c.half_ulp, 0) AS envelope, 'eq' AS comparison, t.page, t.tid AS table_id,
       t.sentence AS detail
FROM target t
LEFT JOIN chk_table tb ON tb.document_id = t.partner_id AND tb.table_id = t.tid
LEFT JOIN chk_cell c ON c.document_id = t.partner_id AND c.table_id = t.tid AND c.key = t.tkey
     AND (c.measure = t.tmeasure OR (t.tmeasure = '*' AND c.is_overall))
WHERE t.tid IS NOT NULL
