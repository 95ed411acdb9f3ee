"""Plain-text tables for the terminal (CJK characters count double width)."""
from __future__ import annotations

import sys
import unicodedata


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in s)


def _cell(v) -> str:
    s = "" if v is None else str(v)
    return s.replace("\n", "\\n").replace("\r", "\\r")


def print_table(header: list[str], rows, stream=None, max_width: int = 60) -> None:
    stream = stream or sys.stdout
    rows = [[_cell(v) for v in r] for r in rows]
    cut = []
    for r in rows:
        cut.append([v if _width(v) <= max_width else v[: max_width // 2] + "…" for v in r])
    widths = [_width(h) for h in header]
    for r in cut:
        for i, v in enumerate(r):
            widths[i] = max(widths[i], _width(v))

    def line(vals):
        return "  ".join(v + " " * (widths[i] - _width(v)) for i, v in enumerate(vals)).rstrip()

    print(line(header), file=stream)
    print("  ".join("-" * w for w in widths), file=stream)
    for r in cut:
        print(line(r), file=stream)
