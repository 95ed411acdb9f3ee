-- Figures stated in the 情况说明 narrative, extracted from document_page.text by
-- pipelines/narrative (one row per stated figure), so SQL rules can recompute them from tables.

CREATE TABLE IF NOT EXISTS narrative_statement (
    document_id   VARCHAR NOT NULL,
    stmt_seq      INTEGER NOT NULL,      -- order of the figure in the narrative
    clause_id     INTEGER NOT NULL,      -- figures of one subject in one clause share it
    page          INTEGER,
    section       VARCHAR NOT NULL,      -- canonical section: overview | income | expense | fiscal | gpb | gpb_basic | sangong | gov_fund | soe | opex | procurement | assets | performance | other
    heading       VARCHAR,               -- the heading in force, as printed
    topic         VARCHAR NOT NULL,      -- canonical subject: grand_total, income_total, class:208, item, personnel, sangong_total …
    subject       VARCHAR,               -- the subject as printed
    account_code  VARCHAR,               -- function code when the subject names a 类/款/项 (resolved against the tables)
    measure       VARCHAR NOT NULL,      -- amount | share_pct | change_amount | change_pct | budget | final | completion_pct | count | wording | implausible
    value         DECIMAL(28, 6),        -- in 万元 for amounts, percent points for *_pct, units for counts
    value_text    VARCHAR NOT NULL,      -- the figure as printed
    unit          VARCHAR,               -- 万元 | 元 | 亿元 | % | 辆 | 个 …
    scale         INTEGER,               -- decimals printed (rounding of the stated figure)
    direction     VARCHAR,               -- changes: increase | decrease | flat; wording (决算数大于/小于/等于预算数): greater | less | equal
    base_topic    VARCHAR,               -- shares: what the share is of (本年支出合计 …), named or implied (其中 …);
                                         -- changes: what they are measured against (prior_year | budget)
    base_value    DECIMAL(28, 6),        -- shares: the base as stated in the narrative, when it is
    base_scale    INTEGER,               -- its printed decimals
    sentence      VARCHAR                -- the sentence, for display
);
-- Why a stated figure is not used: measure `implausible` (digits of table cells run together in the
-- text layer, beyond any budget: pipelines/narrative/vocabulary.yaml `plausible`), with value NULL.
ALTER TABLE narrative_statement ADD COLUMN IF NOT EXISTS note VARCHAR;
