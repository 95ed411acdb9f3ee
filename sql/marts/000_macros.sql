-- exact_pct(num, den): 100 × num / den rounded half away from zero to 0.01, computed in integers
-- (DuckDB's DECIMAL / DECIMAL is a DOUBLE). NULL when either side is NULL or den = 0: a percentage
-- on a zero base does not exist (rule CMM-007), it is not "infinite growth".
CREATE OR REPLACE MACRO exact_pct(num, den) AS (
    CASE WHEN num IS NULL OR den IS NULL OR den = 0 THEN NULL
    ELSE CAST(CAST(sign(num) * sign(den)
                   * ((abs(CAST(num * 1000000 AS HUGEINT)) * 20000 + abs(CAST(den * 1000000 AS HUGEINT)))
                      // (2 * abs(CAST(den * 1000000 AS HUGEINT)))) AS DECIMAL(38, 0)) * 0.01
              AS DECIMAL(38, 2))
    END
);
