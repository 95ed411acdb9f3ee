-- 财政拨款收支总表: 年初财政拨款结转和结余 = Σ its fund lines (where the fund lines are printed).
SELECT * FROM chk_compare(['FIN_04:carry_in:*'],
                          ['FIN_04:carry_in_gpb:*', 'FIN_04:carry_in_gov_fund:*', 'FIN_04:carry_in_soe:*'], 'eq')
WHERE document_id IN (SELECT document_id FROM chk_cell WHERE table_id = 'FIN_04'
                      AND key IN ('carry_in_gpb', 'carry_in_gov_fund', 'carry_in_soe'))
UNION ALL BY NAME
SELECT * FROM chk_compare(['BUD_04:carry_in:*'],
                          ['BUD_04:carry_in_gpb:*', 'BUD_04:carry_in_gov_fund:*', 'BUD_04:carry_in_soe:*'], 'eq')
WHERE document_id IN (SELECT document_id FROM chk_cell WHERE table_id = 'BUD_04'
                      AND key IN ('carry_in_gpb', 'carry_in_gov_fund', 'carry_in_soe'))
