"""Helpers for the per-region budget tests: a pinned figure is (table, code or line item, measure,
amount in 万元 as printed, page) and must be found exactly once among the pack's own figures."""
from __future__ import annotations

from decimal import Decimal

import pytest


def find(doc, table: str, key: str, measure: str, entity: str = "", cross: str | None = None):
    return [f for f in doc.facts if f.table_id == table and key in (f.account_code, f.line_item)
            and f.measure == measure and f.entity == entity and (cross is None or f.cross == cross)]


@pytest.fixture(scope="session")
def pinned():
    def check(doc, table: str, key: str, measure: str, amount: str, page: int, printed: str | None = None,
              cross: str | None = None):
        hits = find(doc, table, key, measure, cross=cross)
        assert len(hits) == 1, (table, key, measure, [(f.amount_wan, f.page) for f in hits])
        f = hits[0]
        assert (f.amount_wan, f.page) == (Decimal(amount), page), (table, key, measure, f.amount_wan, f.page)
        if printed is not None:
            assert f.printed == printed
        x0, top, x1, bottom = f.bbox
        assert x0 < x1 and top < bottom
        return f
    return check


@pytest.fixture(scope="session")
def table_ids():
    def ids(doc) -> set[str]:
        return {t.table_id for t in doc.tables if t.table_id}
    return ids
