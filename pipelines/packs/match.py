"""Does a narrative state a tables file's totals? Score = distinct totals it reproduces."""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from .figures import reproduces

MIN_MATCHED = 2  # and the largest total among them (the pack's 收支总计) must be one


@dataclass
class Match:
    matched: list[tuple[Decimal, Decimal]] = field(default_factory=list)  # (table figure, stated figure)
    grand_total: bool = False

    @property
    def score(self) -> int:
        return len(self.matched)

    @property
    def ok(self) -> bool:
        return self.score >= MIN_MATCHED and self.grand_total


def match(table_figs: set[Decimal], stated: set[tuple[Decimal, int]]) -> Match:
    out = Match()
    if not table_figs:
        return out
    top = max(table_figs)
    for t in sorted(table_figs, reverse=True):
        hit = next((v for v, d in sorted(stated) if reproduces(t, v, d)), None)
        if hit is not None:
            out.matched.append((t, hit))
            out.grand_total = out.grand_total or t == top
    return out


def best(candidates: dict[str, Match]) -> tuple[str, Match] | None:
    """The one partner whose match is acceptable and strictly better than every other candidate's."""
    ranked = sorted(((m.score, k) for k, m in candidates.items() if m.ok), reverse=True)
    if not ranked:
        return None
    if len(ranked) > 1 and ranked[1][0] == ranked[0][0]:
        return None  # two narratives state the same totals: ambiguous, link neither
    return ranked[0][1], candidates[ranked[0][1]]
