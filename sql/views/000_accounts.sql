-- The account code hierarchy, one implementation: the load (pipelines/warehouse/load.py fills
-- dim_function_account / dim_economic_account with it), the marts and the rules read it.
--
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
