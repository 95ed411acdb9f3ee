-- Reusable reconciliations. Every rule file in sql/checks returns, per instance:
--   document_id, location, expected, actual, n_terms, envelope, comparison, page, table_id,
--   x0, top, x1, bottom[, holds, detail]
-- expected/actual NULL = insufficient_data (a figure the rule needs is not there to compare).
-- comparison: eq (actual = expected), le (actual <= expected), ge (actual >= expected).
-- Term specs are 'TABLE:key:measure' (key = function/economic code or canonical line item; measure
-- '*' = the line's overall value: its total column, else its single value column).

-- The printed cells of a list of term specs, per document in scope. A term with no figure is a
-- blank cell, read as 0, when its table is printed empty or when both its row and its column are
-- printed (`readable`); a missing row or column (a template without it, or a parse that lost it)
-- is not a blank.
CREATE OR REPLACE MACRO chk_terms(specs) AS TABLE
WITH t AS (
    SELECT s.document_id, u.spec, u.ord, split_part(u.spec, ':', 1) AS table_id, split_part(u.spec, ':', 2) AS key,
           split_part(u.spec, ':', 3) AS measure
    FROM check_scope s CROSS JOIN (SELECT unnest(specs) AS spec, generate_subscripts(specs, 1) AS ord) u
)
SELECT t.document_id, t.spec, t.ord, t.table_id, c.amount, c.half_ulp, c.account_name,
       c.page, c.x0, c.top, c.x1, c.bottom, tb.table_id IS NOT NULL AS table_present,
       c.amount IS NOT NULL OR coalesce(tb.is_empty, FALSE)
       OR (EXISTS (SELECT 1 FROM chk_cell r WHERE r.document_id = t.document_id AND r.table_id = t.table_id
                   AND r.key = t.key)
           AND (t.measure = '*' OR EXISTS (SELECT 1 FROM chk_cell r WHERE r.document_id = t.document_id
                                           AND r.table_id = t.table_id AND r.measure = t.measure))) AS readable
FROM t
LEFT JOIN chk_table tb ON tb.document_id = t.document_id AND tb.table_id = t.table_id
LEFT JOIN chk_cell c ON c.document_id = t.document_id AND c.table_id = t.table_id AND c.key = t.key
     AND (c.measure = t.measure OR (t.measure = '*' AND c.is_overall));

-- Σ lhs (op) Σ rhs per document. A side is NULL (insufficient_data) when its tables are all missing
-- or none of its terms is readable (a single figure whose row or column is not printed); blank terms
-- count as 0. No instance when nothing is printed on either side.
-- n_blank: terms of present tables left blank (rules that treat blanks as unknown use it).
CREATE OR REPLACE MACRO chk_compare(lhs, rhs, op) AS TABLE
WITH cells AS (
    SELECT 'lhs' AS side, * FROM chk_terms(lhs)
    UNION ALL
    SELECT 'rhs' AS side, * FROM chk_terms(rhs)
)
SELECT document_id,
       array_to_string(lhs, ' + ') || CASE op WHEN 'le' THEN ' <= ' WHEN 'ge' THEN ' >= ' ELSE ' = ' END
           || array_to_string(rhs, ' + ') AS location,
       CASE WHEN bool_or(table_present) FILTER (WHERE side = 'rhs') AND bool_or(readable) FILTER (WHERE side = 'rhs')
            THEN coalesce(sum(amount) FILTER (WHERE side = 'rhs'), 0) END AS expected,
       CASE WHEN bool_or(table_present) FILTER (WHERE side = 'lhs') AND bool_or(readable) FILTER (WHERE side = 'lhs')
            THEN coalesce(sum(amount) FILTER (WHERE side = 'lhs'), 0) END AS actual,
       greatest(count(amount) FILTER (WHERE side = 'lhs'), count(amount) FILTER (WHERE side = 'rhs')) AS n_terms,
       chk_envelope(count(amount) - 1, sum(half_ulp),
                    max(half_ulp) FILTER (WHERE side = 'lhs'), max(half_ulp) FILTER (WHERE side = 'rhs')) AS envelope,
       op AS comparison,
       first(page ORDER BY side, ord) FILTER (WHERE amount IS NOT NULL) AS page,
       split_part(lhs[1], ':', 1) AS table_id,
       first(x0 ORDER BY side, ord) FILTER (WHERE amount IS NOT NULL) AS x0,
       first(top ORDER BY side, ord) FILTER (WHERE amount IS NOT NULL) AS top,
       first(x1 ORDER BY side, ord) FILTER (WHERE amount IS NOT NULL) AS x1,
       first(bottom ORDER BY side, ord) FILTER (WHERE amount IS NOT NULL) AS bottom,
       count(*) FILTER (WHERE amount IS NULL AND table_present) AS n_blank,
       string_agg(spec || '=' || coalesce(CAST(amount AS VARCHAR), CASE WHEN readable THEN 'blank' ELSE 'not printed' END),
                  '; ' ORDER BY side, ord) AS detail
FROM cells
GROUP BY document_id
HAVING count(amount) > 0;

-- A parent code row against its nearest printed sub-rows, for every additive measure of a table.
-- Blank cells of sub-rows are 0; a blank parent over non-zero sub-rows is insufficient_data.
CREATE OR REPLACE MACRO chk_hierarchy(tid) AS TABLE
WITH kids AS (
    SELECT e.document_id, e.table_id, e.account_scheme, e.parent_code, m.measure,
           sum(c.amount) AS kid_sum, count(c.amount) AS n_terms, sum(c.half_ulp) AS kid_ulp,
           max(c.half_ulp) AS kid_ulp_max, count(*) AS n_rows
    FROM chk_code_edge e
    JOIN check_scope s ON s.document_id = e.document_id
    JOIN chk_table_measure m ON m.document_id = e.document_id AND m.table_id = e.table_id
         AND m.account_scheme = e.account_scheme
    LEFT JOIN chk_cell c ON c.document_id = e.document_id AND c.table_id = e.table_id
         AND c.account_scheme = e.account_scheme AND c.account_code = e.child_code AND c.measure = m.measure
    WHERE e.table_id = tid
    GROUP BY ALL
)
SELECT k.document_id,
       k.table_id || ' ' || k.parent_code || ' ' || coalesce(p.account_name, '') || ' [' || k.measure || '] = Σ '
           || k.n_rows || ' sub-rows' AS location,
       coalesce(k.kid_sum, 0) AS expected,
       coalesce(p.amount, CASE WHEN coalesce(k.kid_sum, 0) = 0 THEN 0 END) AS actual,
       k.n_terms,
       chk_envelope(k.n_terms, coalesce(p.half_ulp, 0) + coalesce(k.kid_ulp, 0), p.half_ulp, k.kid_ulp_max) AS envelope,
       'eq' AS comparison, p.page, k.table_id, p.x0, p.top, p.x1, p.bottom
FROM kids k
LEFT JOIN chk_cell p ON p.document_id = k.document_id AND p.table_id = k.table_id
     AND p.account_scheme = k.account_scheme AND p.account_code = k.parent_code AND p.measure = k.measure
WHERE p.amount IS NOT NULL OR k.n_terms > 0;

-- A total line (合计 / 本年支出合计) against the top printed code rows (类, or whatever level is
-- the highest printed), for every measure the total line or the code rows print.
CREATE OR REPLACE MACRO chk_roots_sum(tid, total_key) AS TABLE
WITH roots AS (
    SELECT r.* FROM chk_code_row r
    JOIN check_scope s ON s.document_id = r.document_id
    WHERE r.table_id = tid AND r.account_scheme = 'function' AND NOT EXISTS (
        SELECT 1 FROM chk_code_row q
        WHERE q.document_id = r.document_id AND q.table_id = r.table_id AND q.account_scheme = r.account_scheme
          AND length(q.account_code) < length(r.account_code) AND starts_with(r.account_code, q.account_code))
),
measures AS (
    SELECT DISTINCT document_id, measure FROM chk_cell
    WHERE table_id = tid AND (key = total_key OR account_scheme = 'function')
      AND measure NOT IN ('change_pct', 'completion_pct')
),
sums AS (
    SELECT m.document_id, m.measure, sum(c.amount) AS root_sum, count(c.amount) AS n_terms,
           sum(c.half_ulp) AS ulp, max(c.half_ulp) AS ulp_max, count(*) AS n_rows
    FROM measures m
    JOIN roots r ON r.document_id = m.document_id
    LEFT JOIN chk_cell c ON c.document_id = r.document_id AND c.table_id = r.table_id
         AND c.account_scheme = r.account_scheme AND c.account_code = r.account_code AND c.measure = m.measure
    GROUP BY ALL
)
SELECT s.document_id,
       tid || ' ' || total_key || ' [' || s.measure || '] = Σ ' || s.n_rows || ' class rows' AS location,
       coalesce(s.root_sum, 0) AS expected,
       coalesce(t.amount, CASE WHEN coalesce(s.root_sum, 0) = 0 THEN 0 END) AS actual,
       s.n_terms,
       chk_envelope(s.n_terms, coalesce(t.half_ulp, 0) + coalesce(s.ulp, 0), t.half_ulp, s.ulp_max) AS envelope,
       'eq' AS comparison, t.page, tid AS table_id, t.x0, t.top, t.x1, t.bottom
FROM sums s
LEFT JOIN chk_cell t ON t.document_id = s.document_id AND t.table_id = tid AND t.key = total_key
     AND t.measure = s.measure
WHERE t.amount IS NOT NULL OR s.n_terms > 0;

-- Within each row of a table: the total column against the sum of part columns. Blank part cells
-- are 0; a blank total over non-zero parts is insufficient_data.
CREATE OR REPLACE MACRO chk_row_sum(tid, total_measure, part_measures) AS TABLE
SELECT c.document_id,
       tid || ' ' || c.key || ' ' || coalesce(first(c.account_name ORDER BY c.page, c.top, c.x0), '') || ': ' || total_measure || ' = '
           || array_to_string(part_measures, ' + ') AS location,
       coalesce(sum(c.amount) FILTER (WHERE list_contains(part_measures, c.measure)), 0) AS expected,
       coalesce(max(c.amount) FILTER (WHERE c.measure = total_measure),
                CASE WHEN coalesce(sum(c.amount) FILTER (WHERE list_contains(part_measures, c.measure)), 0) = 0
                     THEN 0 END) AS actual,
       count(c.amount) FILTER (WHERE list_contains(part_measures, c.measure)) AS n_terms,
       chk_envelope(count(c.amount) FILTER (WHERE list_contains(part_measures, c.measure)),
                    sum(c.half_ulp), max(c.half_ulp) FILTER (WHERE c.measure = total_measure),
                    max(c.half_ulp) FILTER (WHERE list_contains(part_measures, c.measure))) AS envelope,
       'eq' AS comparison,
       first(c.page ORDER BY c.page, c.top, c.x0) FILTER (WHERE c.measure = total_measure) AS page, tid AS table_id,
       first(c.x0 ORDER BY c.page, c.top, c.x0) FILTER (WHERE c.measure = total_measure) AS x0,
       first(c.top ORDER BY c.page, c.top, c.x0) FILTER (WHERE c.measure = total_measure) AS top,
       first(c.x1 ORDER BY c.page, c.top, c.x0) FILTER (WHERE c.measure = total_measure) AS x1,
       first(c.bottom ORDER BY c.page, c.top, c.x0) FILTER (WHERE c.measure = total_measure) AS bottom
FROM chk_cell c
JOIN check_scope s ON s.document_id = c.document_id
WHERE c.table_id = tid AND (c.measure = total_measure OR list_contains(part_measures, c.measure))
GROUP BY c.document_id, c.key
HAVING count(c.amount) FILTER (WHERE list_contains(part_measures, c.measure)) > 0;

-- Code rows of two tables matched on the code (every level, or one level): lhs (op) rhs.
-- A code printed in one table only compares with a blank (0) in the other, when that table is there.
CREATE OR REPLACE MACRO chk_compare_codes(lt, lm, rt, rm, code_len, op) AS TABLE
WITH cells AS (
    SELECT c.*, 1 AS n FROM chk_cell c JOIN check_scope s ON s.document_id = c.document_id
    WHERE c.table_id IN (lt, rt) AND c.measure = CASE c.table_id WHEN lt THEN lm ELSE rm END
      AND c.account_scheme = 'function' AND c.account_code <> ''
),
-- a table that prints no code of the compared level (北京 预算03表 and 江苏 公开03表 print 项 codes
-- only) is compared through the sum of its shallowest printed codes under each one
shallowest AS (
    SELECT document_id, table_id, min(length(account_code)) AS len FROM cells GROUP BY ALL
),
lifted AS (
    SELECT c.* FROM cells c JOIN shallowest m USING (document_id, table_id)
    WHERE code_len IS NULL OR length(c.account_code) = code_len
    UNION ALL BY NAME
    SELECT c.document_id, c.table_id, left(c.account_code, code_len) AS account_code, NULL AS account_name,
           sum(c.amount) AS amount, sum(c.half_ulp) AS half_ulp, min(c.page) AS page,
           NULL::FLOAT AS x0, NULL::FLOAT AS top, NULL::FLOAT AS x1, NULL::FLOAT AS bottom, count(*) AS n
    FROM cells c JOIN shallowest m USING (document_id, table_id)
    WHERE code_len IS NOT NULL AND m.len > code_len AND length(c.account_code) = m.len
    GROUP BY c.document_id, c.table_id, left(c.account_code, code_len)
),
-- a table printing no function code at all in that column (江苏 公开04表 lists funds, not 类) has
-- nothing to compare: no result, not a mismatch
both_sides AS (SELECT document_id FROM shallowest GROUP BY ALL HAVING count(DISTINCT table_id) = 2),
l AS (SELECT * FROM lifted JOIN both_sides USING (document_id) WHERE table_id = lt),
r AS (SELECT * FROM lifted JOIN both_sides USING (document_id) WHERE table_id = rt),
pairs AS (
    SELECT coalesce(l.document_id, r.document_id) AS document_id, coalesce(l.account_code, r.account_code) AS code,
           coalesce(l.account_name, r.account_name) AS name, l.amount AS la, r.amount AS ra,
           l.half_ulp AS lu, r.half_ulp AS ru, coalesce(l.n, 0) + coalesce(r.n, 0) AS n_terms,
           coalesce(l.page, r.page) AS page, coalesce(l.x0, r.x0) AS x0, coalesce(l.top, r.top) AS top,
           coalesce(l.x1, r.x1) AS x1, coalesce(l.bottom, r.bottom) AS bottom
    FROM l FULL JOIN r ON l.document_id = r.document_id AND l.account_code = r.account_code
)
SELECT p.document_id,
       lt || ' ' || p.code || ' ' || coalesce(p.name, '') || ' [' || lm || ']'
           || CASE op WHEN 'le' THEN ' <= ' WHEN 'ge' THEN ' >= ' ELSE ' = ' END || rt || ' [' || rm || ']'
           || CASE WHEN p.n_terms > 2 THEN ' (sum of printed sub-codes)' ELSE '' END AS location,
       CASE WHEN tr.table_id IS NOT NULL THEN coalesce(p.ra, 0) END AS expected,
       CASE WHEN tl.table_id IS NOT NULL THEN coalesce(p.la, 0) END AS actual,
       CASE WHEN p.n_terms > 2 THEN p.n_terms - 1 ELSE 1 END AS n_terms,
       chk_envelope(CASE WHEN p.n_terms > 2 THEN 2 ELSE 1 END, coalesce(p.lu, 0) + coalesce(p.ru, 0), p.lu, p.ru)
           AS envelope, op AS comparison,
       p.page, lt AS table_id, p.x0, p.top, p.x1, p.bottom
FROM pairs p
LEFT JOIN chk_table tl ON tl.document_id = p.document_id AND tl.table_id = lt
LEFT JOIN chk_table tr ON tr.document_id = p.document_id AND tr.table_id = rt;

-- 三公: the blank-cell policy of #18 (references.md): a blank item counts as 0 when the sum then
-- closes within the envelope. When the total exceeds the printed items, a blank might hide the
-- difference: insufficient_data. A total below its printed items fails whatever the blanks hold
-- (三公 figures are never negative).
CREATE OR REPLACE MACRO chk_blank_policy(expected, actual, envelope, n_blank) AS
    CASE WHEN n_blank > 0 AND actual - expected > envelope THEN NULL ELSE expected END;

-- 三公 小计 (公务用车购置及运行维护费) = 购置费 + 运行维护费, in column m of table tid.
CREATE OR REPLACE MACRO chk_sangong_vehicle(tid, m) AS TABLE
SELECT * REPLACE (chk_blank_policy(expected, actual, envelope, n_blank) AS expected)
FROM chk_compare([tid || ':sangong_vehicle:' || m],
                 [tid || ':sangong_vehicle_purchase:' || m, tid || ':sangong_vehicle_operation:' || m], 'eq');

-- 三公 合计 = 因公出国(境)费 + 公务用车小计 + 公务接待费 (购置 + 运行 where no 小计 is printed).
CREATE OR REPLACE MACRO chk_sangong_total(tid, m) AS TABLE
SELECT * REPLACE (chk_blank_policy(expected, actual, envelope, n_blank) AS expected)
FROM chk_compare([tid || ':sangong_total:' || m],
                 [tid || ':sangong_outbound:' || m, tid || ':sangong_vehicle:' || m, tid || ':sangong_reception:' || m], 'eq')
WHERE document_id IN (SELECT document_id FROM chk_cell WHERE table_id = tid AND key = 'sangong_vehicle' AND measure = m)
UNION ALL BY NAME
SELECT * REPLACE (chk_blank_policy(expected, actual, envelope, n_blank) AS expected)
FROM chk_compare([tid || ':sangong_total:' || m],
                 [tid || ':sangong_outbound:' || m, tid || ':sangong_vehicle_purchase:' || m,
                  tid || ':sangong_vehicle_operation:' || m, tid || ':sangong_reception:' || m], 'eq')
WHERE document_id NOT IN (SELECT document_id FROM chk_cell WHERE table_id = tid AND key = 'sangong_vehicle' AND measure = m);

-- Narrative figures against a table cell of the same document (or of a partner document when
-- partner is 'prior_year' / 'budget'). spec 'TABLE:key:measure' where key may be {code} (the
-- statement's function code) or {topic} (its topic, for topics named like line items), and measure
-- may be {topic} too. Only statements whose code has code_len digits, when code_len is given.
-- A blank cell of a printed row (or of a table printed empty) reads 0: the narrative states what the
-- table leaves blank. A row the table does not print (or the parse lost) is insufficient_data.
CREATE OR REPLACE MACRO chk_stated(sections, topics, measures, spec, op, code_len, partner) AS TABLE
WITH st AS (
    SELECT n.*, coalesce(pa.partner_id, CASE WHEN partner IS NULL THEN n.document_id END) AS target_id,
           CASE split_part(spec, ':', 2) WHEN '{code}' THEN n.account_code WHEN '{topic}' THEN n.topic
                ELSE split_part(spec, ':', 2) END AS target_key,
           CASE split_part(spec, ':', 3) WHEN '{topic}' THEN n.topic ELSE split_part(spec, ':', 3) END AS target_measure
    FROM chk_statement n
    JOIN check_scope s ON s.document_id = n.document_id
    LEFT JOIN chk_partner pa ON pa.document_id = n.document_id AND pa.relation = partner
    WHERE list_contains(sections, n.section) AND list_contains(topics, n.topic)
      AND list_contains(measures, n.measure) AND n.value IS NOT NULL
      AND (code_len IS NULL OR length(n.account_code) = code_len)
)
SELECT st.document_id,
       'narrative p' || st.page || ' [' || st.section || '] ' || st.subject || ' ' || st.measure || ' '
           || st.value_text || CASE op WHEN 'le' THEN ' <= ' WHEN 'ge' THEN ' >= ' ELSE ' = ' END
           || coalesce(partner || ' ', '') || split_part(spec, ':', 1) || ' ' || coalesce(st.target_key, '?')
           || ' [' || st.target_measure || ']' AS location,
       CASE WHEN c.amount IS NOT NULL THEN c.amount
            WHEN tb.table_id IS NOT NULL AND st.target_key IS NOT NULL
                 AND (tb.is_empty OR EXISTS (SELECT 1 FROM chk_cell r WHERE r.document_id = st.target_id
                                             AND r.table_id = tb.table_id AND r.key = st.target_key))
            THEN 0 END AS expected,
       st.value AS actual, 1 AS n_terms,
       chk_envelope(1, NULL, st.half_ulp, coalesce(c.half_ulp, st.half_ulp)) AS envelope, op AS comparison,
       st.page, split_part(spec, ':', 1) AS table_id, st.sentence AS detail
FROM st
LEFT JOIN chk_table tb ON tb.document_id = st.target_id AND tb.table_id = split_part(spec, ':', 1)
LEFT JOIN chk_cell c ON c.document_id = st.target_id AND c.table_id = split_part(spec, ':', 1)
     AND c.key = st.target_key
     AND (c.measure = st.target_measure OR (st.target_measure = '*' AND c.is_overall))
WHERE st.target_id IS NOT NULL;

-- Line-item sums can only close over lines the catalogue knows: where the table prints a line no
-- alias matched (a regional 单位预留机动经费, a parse that lost the label), a sum that does not close
-- is insufficient_data instead of a failure.
CREATE OR REPLACE MACRO chk_unknown_lines(expected, actual, envelope, doc, tid) AS
    CASE WHEN abs(actual - expected) > envelope
              AND EXISTS (SELECT 1 FROM chk_fact f WHERE f.document_id = doc AND f.table_id = tid AND f.key = '')
         THEN NULL ELSE expected END;

-- A line total against its part lines in one table (收支总表, 财政拨款收支总表), only where the `gate`
-- line is printed (NULL: always); a sum over lines the catalogue does not know is insufficient_data.
CREATE OR REPLACE MACRO chk_line_sum(tid, total, parts, gate) AS TABLE
SELECT * REPLACE (chk_unknown_lines(expected, actual, envelope, document_id, tid) AS expected)
FROM chk_compare([tid || ':' || total || ':*'], [tid || ':' || p || ':*' FOR p IN parts], 'eq')
WHERE gate IS NULL OR document_id IN (SELECT document_id FROM chk_cell WHERE table_id = tid AND key = gate);
