-- Zero base: when the change equals the current figure (the earlier figure was 0, e.g. a new unit
-- or a budget of 0), a growth percentage cannot be stated.
SELECT document_id,
       'narrative p' || page || ' [' || section || '] ' || subject || ': ' || current || ' changed by ' || delta
           || ', stated ' || pct_text AS location,
       'holds' AS comparison, NOT (coalesce(direction, 'increase') = 'increase' AND earlier = 0) AS holds,
       page, sentence AS detail
FROM chk_change_pair
WHERE current IS NOT NULL
