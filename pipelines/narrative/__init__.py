"""The 情况说明 narrative: the figures it states, so SQL rules can recompute them from the tables.

    from pipelines.narrative import statements_of
    statements = statements_of([(page_no, page_text), ...], department="…",
                               function_names=[(code, name), ...])   # pure, no database

The parse stage extracts them (DocumentResult.statements); the load stage stores them as
narrative_statement rows (pipelines/warehouse/statements.py); the checks only read them.

Each statement is one printed figure: topic (canonical subject: grand_total, income_total,
function (with its resolved code), personnel, sangong_total, opex …), measure (amount, share_pct,
change_amount, change_pct, budget (年初预算), budget_full (全年/调整预算), final (决算),
completion_pct, count, wording), the value in 万元 / percent points / units, its printed text and
precision, the section it is stated in and the page. Statements about one subject in one paragraph
share a clause_id; a share names its base (base_topic, and base_value when the narrative states it).
Figures printed on their own baseline are placed by the reading-order page text
(pipelines.pdf.text), so they sit inside their sentence here.
"""
from .extract import Statement, extract
from .statements import statements_of

__all__ = ["Statement", "extract", "statements_of"]
