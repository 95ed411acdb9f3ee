"""Expected facts: what a perfect parser extracts from a rendered pack (CSV)."""
from __future__ import annotations

import csv
from pathlib import Path

from .amounts import to_wan
from .render import RenderResult
from .spec import DECIMAL_RE, PackSpec

COLUMNS = ["table_id", "account_scheme", "account_code", "line_item", "account_name", "measure",
           "amount_wan", "page"]


def expected_facts(spec: PackSpec, pages: dict[tuple, int]) -> list[dict[str, str]]:
    """One row per printed amount (counts, dashes and blanks excluded), in print order."""
    out = []
    for t in spec.tables:
        for r in t.rows:
            if r.heading or r.count:
                continue
            side = r.side if t.layout == "two_sided" else ""
            for c in t.columns:
                if side and c.side != side:
                    continue
                v = r.values.get(c.measure, "")
                key = (t.table_id, r.key, c.measure)
                if not v or not DECIMAL_RE.match(v) or key not in pages:
                    continue
                out.append({
                    "table_id": t.table_id, "account_scheme": t.scheme_of(r),
                    "account_code": r.code, "line_item": r.line_item,
                    "account_name": "".join(r.name.split()), "measure": c.measure,
                    "amount_wan": to_wan(v, t.unit), "page": str(pages[key]),
                })
    return out


def write_expected(result: RenderResult, csv_path) -> Path:
    csv_path = Path(csv_path)
    csv_path.parent.mkdir(parents=True, exist_ok=True)
    with open(csv_path, "w", encoding="utf-8", newline="") as fh:
        wr = csv.DictWriter(fh, fieldnames=COLUMNS, lineterminator="\n")
        wr.writeheader()
        wr.writerows(expected_facts(result.spec, result.pages))
    return csv_path
