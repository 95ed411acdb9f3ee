-- 三公 itemised: where the narrative explains 三公 at all, it states 因公出国(境)费, 公务用车购置及运行维护费
-- and 公务接待费 each (an amount, or an explicit 无/未发生).
WITH sec AS (
    SELECT DISTINCT s.document_id FROM chk_statement s JOIN check_scope sc ON sc.document_id = s.document_id
    WHERE s.section = 'sangong'
),
items AS (
    SELECT * FROM (VALUES ('sangong_outbound', '因公出国(境)费', '出国'),
                          ('sangong_vehicle', '公务用车购置及运行维护费', '公务用车'),
                          ('sangong_reception', '公务接待费', '接待')) t(topic, label, word)
)
SELECT sec.document_id, '三公 narrative states ' || i.label AS location, 'holds' AS comparison,
       EXISTS (SELECT 1 FROM chk_statement s WHERE s.document_id = sec.document_id AND s.section = 'sangong'
                 AND (s.topic = i.topic OR (i.topic = 'sangong_vehicle' AND s.topic LIKE 'sangong_vehicle%')))
       OR EXISTS (SELECT 1 FROM document_page p WHERE p.document_id = sec.document_id
                 AND regexp_matches(regexp_replace(p.text, '\s', '', 'g'),
                                    '(无|未发生|没有)[^。]{0,12}' || i.word
                                    || '|' || i.word || '[^。]{0,16}(未发生|无此项|为零|为0)|无[“"]?三公[”"]?经费'))
       AS holds
FROM sec CROSS JOIN items i
