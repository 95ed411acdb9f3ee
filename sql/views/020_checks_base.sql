-- What the rule reconciliations (sql/checks/<rule_id>.sql) read: the documents of check_scope (the
-- run's documents, current or not, and their cross-year / budget partners), so a run costs what its
-- documents cost, not what the warehouse holds. Each view v_chk_X has a scratch table chk_X that the
-- runner (pipelines.checks) fills from it at the start of a run, in this file's order; the macros
-- and the rules read the chk_X tables (a view re-evaluated by every rule would cost seconds).
--
-- Rounding: every printed figure carries half a unit of its last printed digit (half_ulp, in 万元):
-- 0.005 for a figure printed as 12.34 万元. A sum of n printed figures compared with a printed total
-- may be off by the sum of their half_ulps, i.e. (n + 1) × 0.005 万元 ("尾数误差"). The same quantity
-- printed twice at the same precision must be printed identically (envelope 0).

-- Facts as the rules read them: the department's own figures (v_fact_department, 015_fact_department.sql:
-- per-unit rows left out, cross-classified rows and unnamed unit blocks added up to their code).
-- The measure a rule reads: the parsed one, unless the catalogue says how this table's generic columns
-- are read (dim_rule_measure, from tables.yaml `rule_measures`: a 三公 table printed as 预算数/合计 keeps
-- the budget/final split in its column header; a 预算 pack's 三公 table has one value per item).
CREATE OR REPLACE MACRO chk_measure(tid, parsed, header) AS
    coalesce((SELECT first(r.as_measure ORDER BY r.priority) FROM dim_rule_measure r
              WHERE r.table_id = tid
                AND (r.measures IS NULL OR list_contains(r.measures, parsed))
                AND (r.unless_measures IS NULL OR NOT list_contains(r.unless_measures, parsed))
                AND (r.header_word IS NULL OR contains(coalesce(header, ''), r.header_word))), parsed);

CREATE OR REPLACE VIEW v_chk_fact AS
SELECT f.document_id, f.table_id, f.table_seq, f.account_scheme, f.account_code, f.line_item, f.account_name,
       chk_measure(f.table_id, f.measure, f.header) AS measure,
       f.measure AS measure_parsed,
       coalesce(nullif(f.account_code, ''), f.line_item) AS key,
       f.amount_wan AS amount,
       f.half_ulp,
       f.page, f.x0, f.top, f.x1, f.bottom, f.row_index, f.col_index, f.header
FROM v_fact_department f
JOIN check_scope s ON s.document_id = f.document_id
UNION ALL BY NAME
-- a measure printed only as its parts (dim_measure_part: 基本支出 = 人员经费 + 公用经费) is read as their
-- sum on the row; its lineage is the first part's cell, its rounding the parts' together
SELECT f.document_id, f.table_id, f.table_seq, f.account_scheme, f.account_code, f.line_item,
       first(f.account_name ORDER BY f.col_index) AS account_name, mp.measure, 'derived' AS measure_parsed,
       coalesce(nullif(f.account_code, ''), f.line_item) AS key, sum(f.amount_wan) AS amount,
       sum(f.half_ulp) AS half_ulp,
       first(f.page ORDER BY f.col_index) AS page, first(f.x0 ORDER BY f.col_index) AS x0,
       first(f.top ORDER BY f.col_index) AS top, first(f.x1 ORDER BY f.col_index) AS x1,
       first(f.bottom ORDER BY f.col_index) AS bottom, first(f.row_index ORDER BY f.col_index) AS row_index,
       min(f.col_index) AS col_index, string_agg(f.header, ' + ' ORDER BY f.col_index) AS header
FROM v_fact_department f
JOIN check_scope s ON s.document_id = f.document_id
JOIN dim_measure_part mp ON mp.part = f.measure
WHERE f.account_scheme <> 'economic'  -- 基本支出表 rows by economic code print 人员/公用 as blocks, not parts
  AND NOT EXISTS (SELECT 1 FROM v_fact_department b
                  WHERE b.document_id = f.document_id AND b.table_seq = f.table_seq AND b.page = f.page
                    AND b.row_index = f.row_index AND b.measure = mp.measure)
GROUP BY f.document_id, f.table_id, f.table_seq, f.account_scheme, f.account_code, f.line_item, mp.measure,
         f.page, f.row_index, coalesce(f.side, '');
CREATE OR REPLACE TABLE chk_fact AS SELECT * FROM v_chk_fact LIMIT 0;

-- One value per printed cell key (a 合计 row printed at the top and the bottom is one key).
-- is_overall marks the cell that stands for the whole line when a rule does not care about the
-- column (term spec measure '*'): total, else the table's single value column.
CREATE OR REPLACE VIEW v_chk_cell AS
SELECT *, row_number() OVER (PARTITION BY document_id, table_id, key
                             ORDER BY CASE measure WHEN 'total' THEN 1 WHEN 'final' THEN 2 WHEN 'budget' THEN 3
                                                   WHEN 'value' THEN 4 ELSE 9 END) = 1
          AND measure IN ('total', 'final', 'budget', 'value') AS is_overall
FROM (
SELECT document_id, table_id, account_scheme, account_code, line_item, key, measure,
       first(amount ORDER BY page, row_index, col_index) AS amount,
       first(half_ulp ORDER BY page, row_index, col_index) AS half_ulp,
       first(account_name ORDER BY page, row_index, col_index) AS account_name,
       first(page ORDER BY page, row_index, col_index) AS page,
       first(x0 ORDER BY page, row_index, col_index) AS x0,
       first(top ORDER BY page, row_index, col_index) AS top,
       first(x1 ORDER BY page, row_index, col_index) AS x1,
       first(bottom ORDER BY page, row_index, col_index) AS bottom,
       count(*) AS n_printed,
       count(DISTINCT amount) AS n_values
FROM chk_fact
WHERE key <> ''  -- a row matched to no code and no line item is no key
GROUP BY ALL);
CREATE OR REPLACE TABLE chk_cell AS SELECT * FROM v_chk_cell LIMIT 0;

-- The documents a run checks, with what the rules need to know about each.
CREATE OR REPLACE VIEW v_chk_document AS
SELECT d.document_id, d.doc_kind, d.fiscal_year, d.department_key, d.department, d.entity_level, d.n_pages
FROM document d JOIN check_scope s USING (document_id)
WHERE d.status = 'loaded';
CREATE OR REPLACE TABLE chk_document AS SELECT * FROM v_chk_document LIMIT 0;

-- Catalogue tables per document: present (identified) and whether printed empty (本表无数据).
CREATE OR REPLACE VIEW v_chk_table AS
SELECT t.document_id, t.table_id, bool_and(coalesce(t.is_empty, FALSE)) AS is_empty, min(t.page_start) AS page,
       sum(coalesce(t.n_facts, 0)) AS n_facts, count(*) AS n_parts
FROM document_table t
JOIN check_scope s ON s.document_id = t.document_id
JOIN dim_table dt ON dt.table_id = t.table_id
GROUP BY ALL;
CREATE OR REPLACE TABLE chk_table AS SELECT * FROM v_chk_table LIMIT 0;

-- Envelope of a comparison: a genuine sum (n_terms >= 2) may be off by the half_ulps of all its
-- figures; a single figure compared with the same quantity elsewhere must match to the coarser
-- printed precision (0 when both are printed alike).
CREATE OR REPLACE MACRO chk_envelope(n_terms, ulp_all, ulp_a, ulp_b) AS
    CASE WHEN n_terms >= 2 THEN ulp_all
         WHEN ulp_a IS NULL OR ulp_b IS NULL OR ulp_a = ulp_b THEN CAST(0 AS DECIMAL(28, 8))
         ELSE ulp_a + ulp_b END;

-- Function / economic code rows printed in a table, and each one's nearest printed descendants
-- (类 -> 款 -> 项; a table printing only 类 and 项 links them directly).
CREATE OR REPLACE VIEW v_chk_code_row AS
SELECT DISTINCT document_id, table_id, account_scheme, account_code
FROM chk_cell WHERE account_code <> '' AND account_scheme IN ('function', 'economic');
CREATE OR REPLACE TABLE chk_code_row AS SELECT * FROM v_chk_code_row LIMIT 0;

CREATE OR REPLACE VIEW v_chk_code_edge AS
SELECT p.document_id, p.table_id, p.account_scheme, p.account_code AS parent_code, c.account_code AS child_code
FROM chk_code_row p
JOIN chk_code_row c
  ON c.document_id = p.document_id AND c.table_id = p.table_id AND c.account_scheme = p.account_scheme
 AND length(c.account_code) > length(p.account_code) AND starts_with(c.account_code, p.account_code)
WHERE NOT EXISTS (
    SELECT 1 FROM chk_code_row q
    WHERE q.document_id = p.document_id AND q.table_id = p.table_id AND q.account_scheme = p.account_scheme
      AND length(q.account_code) > length(p.account_code) AND length(q.account_code) < length(c.account_code)
      AND starts_with(q.account_code, p.account_code) AND starts_with(c.account_code, q.account_code));
CREATE OR REPLACE TABLE chk_code_edge AS SELECT * FROM v_chk_code_edge LIMIT 0;

-- Additive measures of a table's code rows (percentages are not additive).
CREATE OR REPLACE VIEW v_chk_table_measure AS
SELECT DISTINCT document_id, table_id, account_scheme, measure
FROM chk_cell
WHERE account_code <> '' AND measure NOT IN ('change_pct', 'completion_pct');
CREATE OR REPLACE TABLE chk_table_measure AS SELECT * FROM v_chk_table_measure LIMIT 0;

-- Narrative statements with the rounding of the stated figure (half a unit of its last digit, in
-- 万元 for money, percent points for percentages) and of its stated base.
CREATE OR REPLACE VIEW v_chk_statement AS
SELECT n.*,
       CAST(0.5 / pow(10, coalesce(n.scale, 0))
            * coalesce(u.to_wan, 1) AS DECIMAL(28, 8)) AS half_ulp,
       CAST(0.5 / pow(10, coalesce(n.base_scale, 0)) AS DECIMAL(28, 8)) AS base_half_ulp,
       u.unit IS NOT NULL AS is_money  -- a money unit (dim_unit: the program's unit table)
FROM narrative_statement n
JOIN check_scope s ON s.document_id = n.document_id
LEFT JOIN dim_unit u ON u.unit = n.unit;
CREATE OR REPLACE TABLE chk_statement AS SELECT * FROM v_chk_statement LIMIT 0;

-- The figure a statement speaks of, per clause: its latest money amount (amount or 决算) stated
-- before a given statement of the same clause.
CREATE OR REPLACE VIEW v_chk_clause_value AS
SELECT s.document_id, s.stmt_seq, v.value, v.half_ulp, v.value_text
FROM chk_statement s
JOIN chk_statement v ON v.document_id = s.document_id AND v.clause_id = s.clause_id AND v.clause_id > 0
     AND v.stmt_seq < s.stmt_seq AND v.is_money AND v.measure IN ('amount', 'final')
QUALIFY row_number() OVER (PARTITION BY s.document_id, s.stmt_seq ORDER BY v.stmt_seq DESC) = 1;
CREATE OR REPLACE TABLE chk_clause_value AS SELECT * FROM v_chk_clause_value LIMIT 0;

-- Per statement: the latest 年初/全年预算 and 决算 (or amount) stated before it for the same subject.
CREATE OR REPLACE VIEW v_chk_clause_budget_final AS
SELECT s.document_id, s.stmt_seq,
       b.value AS budget, b.half_ulp AS budget_ulp, f.value AS final, f.half_ulp AS final_ulp
FROM chk_statement s
LEFT JOIN LATERAL (SELECT value, half_ulp FROM chk_statement b
                   WHERE b.document_id = s.document_id AND b.clause_id = s.clause_id
                     AND b.measure IN ('budget', 'budget_full') AND b.stmt_seq < s.stmt_seq
                   ORDER BY b.stmt_seq DESC LIMIT 1) b ON TRUE
LEFT JOIN LATERAL (SELECT value, half_ulp FROM chk_statement f
                   WHERE f.document_id = s.document_id AND f.clause_id = s.clause_id
                     AND f.measure IN ('final', 'amount') AND f.is_money AND f.stmt_seq < s.stmt_seq
                   ORDER BY f.stmt_seq DESC LIMIT 1) f ON TRUE
WHERE s.clause_id > 0 AND s.measure IN ('wording', 'completion_pct');
CREATE OR REPLACE TABLE chk_clause_budget_final AS SELECT * FROM v_chk_clause_budget_final LIMIT 0;

-- A stated change percentage with the change amount stated before it for the same subject, and the
-- subject's current figure: what 增减 rules recompute.
CREATE OR REPLACE VIEW v_chk_change_pair AS
SELECT p.document_id, p.stmt_seq, p.page, p.section, p.subject, p.sentence, p.value AS pct, p.value_text AS pct_text,
       p.scale AS pct_scale, p.half_ulp AS pct_ulp, p.direction AS pct_direction,
       a.value AS delta, a.value_text AS delta_text, a.half_ulp AS delta_ulp, a.direction,
       v.value AS current, v.half_ulp AS current_ulp,
       CASE WHEN a.direction = 'decrease' THEN v.value + a.value ELSE v.value - a.value END AS earlier
FROM chk_statement p
JOIN chk_statement a ON a.document_id = p.document_id AND a.clause_id = p.clause_id AND a.clause_id > 0
     AND a.measure = 'change_amount' AND a.stmt_seq < p.stmt_seq
LEFT JOIN chk_clause_value v ON v.document_id = a.document_id AND v.stmt_seq = a.stmt_seq
WHERE p.measure = 'change_pct'
QUALIFY row_number() OVER (PARTITION BY p.document_id, p.stmt_seq ORDER BY a.stmt_seq DESC) = 1;
CREATE OR REPLACE TABLE chk_change_pair AS SELECT * FROM v_chk_change_pair LIMIT 0;

-- The highest printed rows of the 基本支出 table's economic codes, with their class (人员经费 =
-- 301 + 303, 公用经费 = the other classes).
CREATE OR REPLACE VIEW v_chk_economic_root AS
SELECT c.*, left(c.account_code, 3) AS class_code
FROM chk_cell c
WHERE c.table_id = 'FIN_06' AND c.account_scheme = 'economic' AND c.measure = 'final' AND NOT EXISTS (
    SELECT 1 FROM chk_code_row q WHERE q.document_id = c.document_id AND q.table_id = c.table_id
      AND q.account_scheme = 'economic' AND length(q.account_code) < length(c.account_code)
      AND starts_with(c.account_code, q.account_code));
CREATE OR REPLACE TABLE chk_economic_root AS SELECT * FROM v_chk_economic_root LIMIT 0;

-- Partner documents of the same department: last year's pack of the same kind, and the budget
-- pack of the same year for a final one (current documents only).
CREATE OR REPLACE VIEW v_chk_partner AS
SELECT d.document_id, p.document_id AS partner_id, p.fiscal_year AS partner_year,
       CASE WHEN p.doc_kind = d.doc_kind THEN 'prior_year' ELSE 'budget' END AS relation
FROM document d
JOIN document p ON p.department_key = d.department_key AND p.is_current AND p.status = 'loaded'
     AND coalesce(p.entity_level, '') = coalesce(d.entity_level, '')
     AND ((p.doc_kind = d.doc_kind AND p.fiscal_year = d.fiscal_year - 1)
          OR (d.doc_kind = 'final' AND p.doc_kind = 'budget' AND p.fiscal_year = d.fiscal_year))
WHERE d.status = 'loaded' AND p.document_id <> d.document_id
QUALIFY row_number() OVER (PARTITION BY d.document_id, relation ORDER BY p.ingested_at DESC) = 1;
CREATE OR REPLACE TABLE chk_partner AS SELECT * FROM v_chk_partner LIMIT 0;
