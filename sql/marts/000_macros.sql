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

-- account_level(scheme, code): 1 类, 2 款, 3 项 (function: 3/5/7 digits; economic: 3/5 digits).
CREATE OR REPLACE MACRO account_level(scheme, code) AS (
    CASE WHEN scheme = 'function' THEN CASE length(code) WHEN 3 THEN 1 WHEN 5 THEN 2 WHEN 7 THEN 3 END
         WHEN scheme = 'economic' THEN CASE length(code) WHEN 3 THEN 1 WHEN 5 THEN 2 END
    END
);

-- account_parent(scheme, code): the code one level up (2240108 -> 22401 -> 224; 30101 -> 301).
CREATE OR REPLACE MACRO account_parent(scheme, code) AS (
    CASE WHEN scheme = 'function' AND length(code) IN (5, 7) THEN left(code, length(code) - 2)
         WHEN scheme = 'economic' AND length(code) = 5 THEN left(code, 3)
    END
);
