"""Small helpers to show results in the Dagster UI."""
from __future__ import annotations

import dagster as dg


def md_table(rows: list[tuple], header: tuple, limit: int = 50) -> dg.MetadataValue:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(c).replace("|", "/").replace("\n", " ") for c in r) + " |" for r in rows[:limit]]
    if len(rows) > limit:
        lines.append(f"| … {len(rows) - limit} more |" + " |" * (len(header) - 1))
    return dg.MetadataValue.md("\n".join(lines))
