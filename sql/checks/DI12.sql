-- Parse integrity: 三公 figures carry the 预算数 / 决算数 split (a 三公 cell whose measure says neither
-- and whose header does not tell either cannot be compared). A 预算 pack's 三公 table printed by fund
-- (一般公共预算 / 政府性基金 / 国有资本经营, for this year, last year and the change, as 深圳 does) is
-- all 预算数: its fund columns are the split.
SELECT f.document_id, f.table_id || ' ' || f.key || ' [' || f.measure_parsed || '] header ' || coalesce(f.header, '') AS location,
       'holds' AS comparison,
       f.measure IN ('budget', 'final')
           OR (f.table_id = 'BUD_07' AND regexp_matches(f.measure, '^(prior_|change_)?(gpb|gov_fund|soe|special_account)$'))
           AS holds,
       f.page, f.table_id, f.x0, f.top, f.x1, f.bottom
FROM chk_fact f JOIN check_scope sc ON sc.document_id = f.document_id
WHERE f.table_id IN ('FIN_09', 'BUD_07') AND f.key LIKE 'sangong%'
