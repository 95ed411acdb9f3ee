-- 增减 wording: a change stated as an amount and a percentage goes the same way (增加 … 增长, 减少 …
-- 下降); 增加…下降 or 减少…增长 contradicts itself.
SELECT document_id,
       'narrative p' || page || ' [' || section || '] ' || subject || ': ' || direction || ' ' || delta_text
           || ' then ' || pct_direction || ' ' || pct_text AS location,
       'holds' AS comparison, direction = pct_direction AS holds, page, sentence AS detail
FROM chk_change_pair
WHERE direction IS NOT NULL AND pct_direction IS NOT NULL
