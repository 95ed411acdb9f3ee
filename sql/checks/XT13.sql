-- 财政拨款 carry-overs are part of all carry-overs: FIN_04 年初/年末财政拨款结转和结余 <= FIN_01 年初/年末结转和结余.
SELECT * FROM chk_compare(['FIN_04:carry_in:*'], ['FIN_01:carry_in:*'], 'le')
UNION ALL BY NAME
SELECT * FROM chk_compare(['FIN_04:carry_out:*'], ['FIN_01:carry_out:*'], 'le')
