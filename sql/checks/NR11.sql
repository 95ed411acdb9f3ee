-- 决算数 大于/小于/等于/(基本)持平 预算数: the wording agrees with the stated 年初(全年)预算 and 决算 of the
-- same subject. 持平 / 等于 means equal; 基本持平 allows 1% of the budget.
SELECT s.document_id,
       'narrative p' || s.page || ' [' || s.section || '] ' || s.subject || ': ' || s.value_text || ' (年初预算 '
           || c.budget || ', 决算 ' || c.final || ')' AS location,
       c.budget AS expected, c.final AS actual, 'holds' AS comparison,
       CASE s.direction WHEN 'greater' THEN c.final > c.budget
                        WHEN 'less' THEN c.final < c.budget
                        ELSE c.final = c.budget
                             OR (s.value_text LIKE '%基本%' AND abs(c.final - c.budget) <= 0.01 * c.budget) END AS holds,
       s.page, s.sentence AS detail
FROM chk_statement s
JOIN chk_clause_budget_final c ON c.document_id = s.document_id AND c.stmt_seq = s.stmt_seq
WHERE s.measure = 'wording' AND c.budget IS NOT NULL AND c.final IS NOT NULL
